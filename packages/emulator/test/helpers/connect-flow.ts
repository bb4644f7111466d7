import { expect } from 'vitest';
import { actionOf, Browser, csrfOf, inputsOf, locationOf } from './browser.js';
import { ORIGIN, REDIRECT_URI, type TestEmulator } from './setup.js';

export interface AuthorizeQuery {
  [key: string]: string | undefined;
}

/** The `/oauth/authorize` URL for the test application, with Connect's usual parameters. */
export function authorizeUrl(t: TestEmulator, query: AuthorizeQuery = {}): string {
  const params = new URLSearchParams();
  const all: AuthorizeQuery = {
    response_type: 'code',
    client_id: t.app.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'read_vehicle_info',
    state: 'st-123',
    mode: 'simulated',
    ...query,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) params.set(k, v);
  return `${ORIGIN}/oauth/authorize?${params}`;
}

/** GET a page and expect 200 HTML. */
export async function page(browser: Browser, url: string): Promise<string> {
  const res = await browser.get(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  return res.text();
}

/** Opens Connect and follows the redirect to the first page. Returns the page HTML. */
export async function openConnect(browser: Browser, url: string): Promise<string> {
  const res = await browser.get(url);
  expect(res.status).toBe(303);
  return page(browser, locationOf(res).toString());
}

/** Submits the page's form and follows the 303 back to the next page (or returns the final redirect). */
export async function submit(
  browser: Browser,
  html: string,
  fields: Record<string, string | string[] | undefined>,
): Promise<{ res: Response; next?: string }> {
  const res = await browser.post(actionOf(html), { csrf_token: csrfOf(html), ...fields });
  if (res.status !== 303) return { res };
  const to = locationOf(res);
  if (to.origin !== ORIGIN) return { res };
  return { res, next: await page(browser, to.toString()) };
}

export interface FlowOptions {
  query?: AuthorizeQuery;
  make?: string;
  email: string;
  action?: 'allow' | 'deny';
  /** Optional permissions left ticked; default all ticked ones. */
  permissions?: string[];
  /** Vehicle ids to choose; default every one checked on the page. */
  vehicles?: string[];
}

/** Walks brand → login → grant and returns the final redirect to the application plus the grant page. */
export async function runConnectFlow(t: TestEmulator, options: FlowOptions, browser = new Browser(t.fetch)) {
  let html = await openConnect(browser, authorizeUrl(t, options.query));
  if (html.includes('name="make"'))
    html = (await submit(browser, html, { make: options.make ?? 'TESLA' })).next!;
  const login = await submit(browser, html, { email: options.email, password: 'any-password' });
  if (!login.next) return { redirect: locationOf(login.res), grantPage: undefined };
  const grantPage = login.next;
  const ticked = inputsOf(grantPage, 'permission').filter((p) => p.checked && !p.disabled);
  const chosen = inputsOf(grantPage, 'vehicle').filter((v) => v.checked);
  const final = await submit(browser, grantPage, {
    action: options.action ?? 'allow',
    permission: options.permissions ?? ticked.map((p) => p.value),
    vehicle: options.vehicles ?? chosen.map((v) => v.value),
  });
  expect(final.res.status).toBe(303);
  return { redirect: locationOf(final.res), grantPage };
}
