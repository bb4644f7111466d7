import type { CookieJar } from './cookie-jar.js';
import { unescapeHtml } from './html.js';

export interface WalkOptions {
  readonly email: string;
  /** The grant page's button. */
  readonly decision: 'allow' | 'deny';
  /** Brand to pick on the brand page; default the first listed. */
  readonly make?: string;
}

type Attributes = Record<string, string>;

/**
 * Goes through the emulator's Connect pages as a browser would (brand, login,
 * grant), posting each form with its CSRF field, and returns the URL Connect
 * finally redirects to (the app's /exchange).
 */
export async function walkConnectPages(
  emulatorFetch: typeof fetch,
  jar: CookieJar,
  start: URL,
  options: WalkOptions,
): Promise<URL> {
  let url = start;
  let init: RequestInit = {};
  for (let hop = 0; hop < 12; hop++) {
    const response = await emulatorFetch(url.href, jar.apply({ ...init, redirect: 'manual' }));
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status === 303 && location !== null) {
      const next = new URL(location, url);
      if (next.origin !== start.origin) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`Connect answered ${response.status} at ${url}:\n${html}`);
    const form = nextForm(html, options);
    url = new URL(form.action, url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.body,
    };
  }
  throw new Error('Connect did not redirect back within 12 steps');
}

function nextForm(html: string, options: WalkOptions): { action: string; body: URLSearchParams } {
  const action = attributesOf(html.match(/<form[^>]*>/)?.[0] ?? '').action;
  if (action === undefined) throw new Error(`no form on the page:\n${html}`);
  const body = new URLSearchParams();
  const inputs = [...html.matchAll(/<input[^>]*>/g)].map((m) => attributesOf(m[0]));
  for (const input of inputs) {
    if (input.type === 'hidden' && input.name) body.append(input.name, input.value ?? '');
  }
  const buttons = [...html.matchAll(/<button[^>]*>/g)].map((m) => attributesOf(m[0]));
  if (inputs.some((i) => i.name === 'email')) {
    body.append('email', options.email);
    body.append('password', 'any password at all');
  } else if (buttons.some((b) => b.name === 'make')) {
    const makes = buttons.filter((b) => b.name === 'make').map((b) => b.value ?? '');
    body.append('make', options.make && makes.includes(options.make) ? options.make : (makes[0] ?? ''));
  } else if (buttons.some((b) => b.name === 'action')) {
    for (const input of inputs) {
      if (input.type === 'checkbox' && input.name && !('disabled' in input))
        body.append(input.name, input.value ?? '');
    }
    body.append('action', options.decision);
  } else {
    throw new Error(`unknown Connect page:\n${html}`);
  }
  return { action, body };
}

function attributesOf(tag: string): Attributes {
  const out: Attributes = {};
  for (const m of tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)) out[m[1]!] = unescapeHtml(m[2] ?? '');
  return out;
}
