import type { Emulator } from '../../src/index.js';
import { ORIGIN } from './setup.js';

/**
 * Just enough of a browser to walk the Connect pages: a cookie jar, manual
 * redirects, and form posts.
 */
export class Browser {
  readonly cookies = new Map<string, string>();

  /** `origin` resolves relative URLs: the in-process default, or a real server's. */
  constructor(
    private readonly fetch: Emulator['fetch'],
    private readonly origin: string = ORIGIN,
  ) {}

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string | string[] | undefined>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      for (const v of [value ?? []].flat()) body.append(key, v);
    }
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await this.fetch(new URL(url, this.origin).toString(), {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }
}

/** The Location of a redirect, resolved against the emulator's origin. */
export function locationOf(res: Response, origin: string = ORIGIN): URL {
  const location = res.headers.get('location');
  expect(location, `expected a redirect, got ${res.status}`).toBeTruthy();
  return new URL(location!, origin);
}

/** The CSRF token of the (first) form on a page. */
export function csrfOf(html: string): string {
  const match = /name="csrf_token" value="([^"]+)"/.exec(html);
  expect(match, 'page has no CSRF field').toBeTruthy();
  return match![1]!;
}

/** The action of the (first) form on a page. */
export function actionOf(html: string): string {
  const match = /<form method="post" action="([^"]+)"/.exec(html);
  expect(match, 'page has no form').toBeTruthy();
  return match![1]!;
}

/** Values of the inputs named `name` (checkbox or radio), with their checked/disabled state. */
export function inputsOf(html: string, name: string) {
  const re = new RegExp(`<input([^>]*\\bname="${name}"[^>]*)/?>`, 'g');
  return [...html.matchAll(re)].map((m) => {
    const attrs = m[1]!;
    return {
      type: /type="([^"]+)"/.exec(attrs)?.[1],
      value: /value="([^"]*)"/.exec(attrs)?.[1] ?? '',
      checked: /\bchecked\b/.test(attrs),
      disabled: /\bdisabled\b/.test(attrs),
    };
  });
}

/** The text of the page with tags removed and whitespace collapsed, for reading labels. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}
