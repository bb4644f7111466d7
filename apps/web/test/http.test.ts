import type { AppLogger } from '../src/logger.js';
import { createHarness, EMULATOR_ORIGIN, type Harness } from './support/harness.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  const CSP = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self' ${EMULATOR_ORIGIN}`;

  function expectSecurityHeaders(response: Response): void {
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(['no-referrer', 'same-origin']).toContain(response.headers.get('referrer-policy'));
  }

  describe('every response', () => {
    test('carries the security headers, pages and redirects alike, and no inline script', async () => {
      h = await createHarness({ dialect });
      const browser = h.browser();
      for (const path of ['/', '/login', '/vehicle', '/signin', '/signup', '/exchange?state=x', '/nowhere']) {
        const response = await browser.get(path);
        expectSecurityHeaders(response);
        expect(await response.text()).not.toContain('<script');
      }
    });

    test('an unknown route is a 404 page', async () => {
      h = await createHarness({ dialect });
      const response = await h.browser().get('/admin/../secrets?x=1');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('Page not found');
    });

    test('an unexpected error is logged and answered with a 500 page; the app keeps serving', async () => {
      const logged: { obj: object; msg?: string }[] = [];
      const logger: AppLogger = {
        debug() {},
        info() {},
        warn() {},
        error: (obj, msg) => logged.push({ obj, msg }),
      };
      h = await createHarness({ dialect, logger });
      await h.db.destroy(); // every query now fails: a fault the routes do not expect

      const response = await h.browser().get('/signin');
      expect(response.status).toBe(500);
      expectSecurityHeaders(response);
      const html = await response.text();
      expect(html).toContain('Something went wrong');
      expect(html).toMatch(/Reference: <span class="mono">[\w-]+<\/span>/);
      expect(html).not.toMatch(/destroyed|at \w+ \(|\.ts:\d+/);
      expect(logged.map((l) => l.msg)).toContain('unhandled error');

      expect((await h.browser().get('/nowhere')).status).toBe(404);
    });
  });

  describe('pages', () => {
    test('every HTML page starts with the doctype, so browsers render in standards mode', async () => {
      h = await createHarness({ dialect });
      const browser = h.browser();
      const signedIn = await h.signedIn();
      const pages: [typeof browser, string][] = [
        ...['/signin', '/signup', '/exchange?state=x', '/nowhere'].map(
          (p) => [browser, p] as [typeof browser, string],
        ),
        [signedIn, '/login'],
        [signedIn, '/vehicle'],
      ];
      for (const [who, path] of pages) {
        const response = await who.get(path);
        expect(response.headers.get('content-type')).toMatch(/text\/html/);
        expect(await response.text()).toMatch(/^<!DOCTYPE html><html lang="en">/);
      }
    });
  });

  describe('request bodies', () => {
    test('a form over 64 KB is refused with 413 before anything reads it', async () => {
      h = await createHarness({ dialect });
      const browser = h.browser();
      const response = await browser.submit('/signin', {
        email: 'big@example.com',
        password: 'x'.repeat(70_000),
      });
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('Request too large');
      expect(await h.db.selectFrom('sign_in_failures').selectAll().execute()).toEqual([]);
    });

    test('/webhooks/* is left to verify its own signature: no CSRF token asked, no form cap', async () => {
      h = await createHarness({ dialect });
      const response = await h.browser().post('/webhooks/smartcar', { payload: 'x'.repeat(70_000) });
      expect(response.status).toBe(404); // no route yet, but neither 403 nor 413
    });
  });
});
