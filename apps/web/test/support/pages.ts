import { unescapeHtml } from './html.js';

/** The flash messages on a page, as kind and text (markup removed). */
export function flashes(html: string): { kind: string; text: string }[] {
  return [...html.matchAll(/<p class="flash flash-(\w+)">([\s\S]*?)<\/p>/g)].map((m) => ({
    kind: m[1]!,
    text: unescapeHtml(m[2]!.replace(/<[^>]+>/g, '')).trim(),
  }));
}

/** The text of the element with this id (markup removed, whitespace collapsed), or undefined. */
export function textOfId(html: string, id: string): string | undefined {
  const start = html.indexOf(`id="${id}"`);
  if (start === -1) return undefined;
  const open = html.lastIndexOf('<', start);
  const tag = html.slice(open + 1).match(/^\w+/)?.[0] ?? 'div';
  // Count nested tags of the same name to find the matching close.
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = open;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const inner = html.slice(open, m.index + m[0].length);
      return unescapeHtml(inner.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim();
    }
  }
  return undefined;
}

/** The rows of the vehicle page's signal tables: code → [status, shown text]. */
export function signalRows(html: string): Map<string, { status: string; text: string }> {
  const rows = new Map<string, { status: string; text: string }>();
  for (const m of html.matchAll(/<tr data-code="([^"]+)" data-status="(\w+)">([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[3]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
      unescapeHtml(c[1]!.replace(/<[^>]+>/g, '')).trim(),
    );
    rows.set(m[1]!, { status: m[2]!, text: cells[0] ?? '' });
  }
  return rows;
}

/** The page as text: tags removed, entities undone, whitespace collapsed. */
export function pageText(html: string): string {
  return unescapeHtml(html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every `aria-label` of the page's pictures (`role="img"`). */
export function pictureLabels(html: string): string[] {
  return [...html.matchAll(/role="img" aria-label="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));
}
