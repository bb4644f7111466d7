import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { AppLogger } from '../src/logger.js';
import { createHarness, type Harness } from './support/harness.js';
import { csrfTokenIn } from './support/html.js';

/**
 * The app behind `@hono/node-server`, as `main.ts` serves it: cookies and
 * headers are read from Node's request there, not from a WHATWG one.
 */
describe('behind @hono/node-server', () => {
  let h: Harness;
  let origin: string;
  let close: () => Promise<void>;
  const entries: Record<string, unknown>[] = [];

  beforeEach(async () => {
    entries.length = 0;
    const record = (level: string) => (obj: object, msg?: string) => entries.push({ level, msg, ...obj });
    const logger: AppLogger = {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    };
    h = await createHarness({ logger });
    const server = createAdaptorServer({ fetch: h.app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterEach(async () => {
    await close();
    await h.close();
  });

  test('the session and CSRF cookies are read from the request: the same page, token and headers as in process', async () => {
    const browser = await h.signedIn('node@example.com');
    const cookie = browser.jar.header()!;
    const inProcess = await browser.get('/vehicle');
    const served = await fetch(`${origin}/vehicle`, { headers: { cookie } });

    expect(served.status).toBe(200);
    const html = await served.text();
    expect(html).toContain('node@example.com');
    expect(csrfTokenIn(html)).toBe(csrfTokenIn(await inProcess.text()));
    for (const name of [
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'cross-origin-opener-policy',
      'cache-control',
      'content-type',
    ]) {
      expect(served.headers.get(name)).toBe(inProcess.headers.get(name));
    }
    // The browser already has its CSRF cookie: none is set again.
    expect(served.headers.getSetCookie()).toEqual([]);

    // Cookies that are not ours, or not of our shape, are no session.
    const other = await fetch(`${origin}/vehicle`, {
      headers: { cookie: 'theme=dark; paddock_session=not-a-session' },
      redirect: 'manual',
    });
    expect(other.status).toBe(303);
    expect(other.headers.get('location')).toBe('/signin');
  });

  test('a form is checked against the CSRF cookie sent to the server', async () => {
    const browser = await h.signedIn('form@example.com');
    const cookie = browser.jar.header()!;
    const token = csrfTokenIn(await (await browser.get('/login')).text());
    const post = (fields: Record<string, string>) =>
      fetch(`${origin}/signout`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      });

    expect((await post({ _csrf: 'x'.repeat(43) })).status).toBe(403);
    const signedOut = await post({ _csrf: token });
    expect(signedOut.status).toBe(303);
    expect((await fetch(`${origin}/vehicle`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
  });

  test('one log line per request, with the request id its own entries carry', async () => {
    const response = await fetch(`${origin}/signout`, { method: 'POST', redirect: 'manual' });
    expect(response.status).toBe(403);

    const warning = entries.find((e) => e.msg === 'csrf check failed');
    const line = entries.find((e) => e.msg === 'request' && e.path === '/signout');
    expect(line).toEqual({
      level: 'info',
      msg: 'request',
      requestId: expect.stringMatching(/^[\w-]{12}$/),
      method: 'POST',
      path: '/signout',
      status: 403,
      ms: expect.any(Number),
    });
    expect(warning).toMatchObject({ level: 'warn', requestId: line!.requestId });
  });
});
