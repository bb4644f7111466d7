import { hashToken } from '../src/security/tokens.js';
import { createHarness, type Harness } from './support/harness.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ dialect });
  });
  afterEach(async () => {
    await h.close();
  });

  const MINUTE = 60_000;

  describe('sessions', () => {
    test('the session cookie is random, HttpOnly, SameSite=Lax, Path=/, 30 days, stored hashed', async () => {
      const browser = h.browser();
      await browser.startConnect();
      const line = browser.jar.setCookieLines.find((l) => l.startsWith('paddock_session='))!;
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; SameSite=Lax/);
      expect(line).toMatch(/; Path=\//);
      expect(line).toMatch(/; Max-Age=2592000/);
      expect(line).not.toMatch(/Secure/);

      const value = browser.jar.get('paddock_session')!;
      const sessions = await h.db.selectFrom('sessions').selectAll().execute();
      expect(sessions).toHaveLength(1);
      expect(sessions[0]!.id_hash).toBe(hashToken(value));
      expect(sessions[0]!.id_hash).not.toBe(value);
      expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(1);

      // The same browser keeps its session and account.
      await browser.startConnect();
      expect(await h.db.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
    });

    test('Secure is set only behind a trusted proxy that says HTTPS', async () => {
      const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
      const untrusting = h.browser();
      await untrusting.get('/login', forwarded);
      expect(untrusting.jar.setCookieLines[0]).not.toMatch(/Secure/);

      await h.close();
      h = await createHarness({ dialect, config: { trustProxy: true } });
      const trusting = h.browser();
      await trusting.get('/login', forwarded);
      expect(trusting.jar.setCookieLines[0]).toMatch(/; Secure/);
      const plain = h.browser();
      await plain.get('/login');
      expect(plain.jar.setCookieLines[0]).not.toMatch(/Secure/);
    });

    test('an expired or unknown session is replaced by a new account', async () => {
      const browser = h.browser();
      await browser.startConnect();
      const old = browser.jar.get('paddock_session');
      h.clock.advance(31 * 24 * 60 * MINUTE);
      await browser.startConnect();
      expect(browser.jar.get('paddock_session')).not.toBe(old);
      expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(2);
      // The expired session row went when the new one was made.
      expect(await h.db.selectFrom('sessions').selectAll().execute()).toHaveLength(1);

      const made = h.browser();
      made.jar.set('paddock_session', 'not-a-session-we-issued');
      await made.startConnect();
      expect(made.jar.get('paddock_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    test('/ sends a new browser to /login and a connected one to /vehicle', async () => {
      const browser = h.browser();
      const start = await browser.get('/');
      expect(start.status).toBe(303);
      expect(start.headers.get('location')).toBe('/login');

      const state = (await browser.startConnect()).searchParams.get('state')!;
      expect((await browser.get('/')).headers.get('location')).toBe('/login');
      const { userId } = await h.connectInEmulator('home@example.com');
      await browser.exchange({ user_id: userId, state });
      expect((await browser.get('/')).headers.get('location')).toBe('/vehicle');
    });
  });
});
