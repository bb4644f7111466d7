/**
 * A browser's cookie store, small enough for tests: keeps what `Set-Cookie`
 * says (honouring Max-Age=0 deletions) and sends it back on the next request.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  /** Raw `Set-Cookie` lines seen, newest last, to check attributes. */
  readonly setCookieLines: string[] = [];

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  /** The `Cookie` request header, or undefined when empty. */
  header(): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Takes every `Set-Cookie` of a response. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith('max-age='));
      if (maxAge !== undefined && Number(maxAge.slice('max-age='.length)) <= 0) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** Adds the jar's cookies to `init`'s headers. */
  apply(init: RequestInit = {}): RequestInit {
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie !== undefined) headers.set('cookie', cookie);
    return { ...init, headers };
  }
}
