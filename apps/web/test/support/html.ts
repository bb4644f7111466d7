/** Undoes the HTML escaping of an attribute value or text. */
export function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The href of the Connect button on /login. */
export function connectHref(html: string): URL {
  const match = html.match(/<a class="button" href="([^"]+)">\s*Connect your vehicle\s*<\/a>/);
  if (!match?.[1]) throw new Error(`no Connect button in:\n${html}`);
  return new URL(unescapeHtml(match[1]));
}

/** The cells of each body row of the page's table. */
export function tableRows(html: string): string[][] {
  const body = html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => unescapeHtml(cell[1] ?? '')),
  );
}

/** The header cells of the page's table. */
export function tableHeaders(html: string): string[] {
  return [...html.matchAll(/<th(?:\s[^>]*)?>([\s\S]*?)<\/th>/g)].map((cell) => unescapeHtml(cell[1] ?? ''));
}

/** The value of the first `_csrf` hidden field on the page. */
export function csrfTokenIn(html: string): string {
  const match = html.match(/<input type="hidden" name="_csrf" value="([^"]+)"/);
  if (!match?.[1]) throw new Error(`no CSRF field in:\n${html}`);
  return unescapeHtml(match[1]);
}
