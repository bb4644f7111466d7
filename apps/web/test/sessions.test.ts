import { hashToken } from '../src/security/tokens.js';
import { createHarness, type Harness, TEST_PASSWORD } from './support/harness.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('sessions on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ dialect });
  });
  afterEach(async () => {
    await h.close();
  });

  const DAY = 24 * 60 * 60_000;
  const sessionRows = () => h.db.selectFrom('sessions').selectAll().execute();

  test('the session cookie is random, HttpOnly, SameSite=Lax, Path=/, 30 days, stored hashed', async () => {
    const browser = await h.signedIn('cookie@example.com');
    const line = browser.jar.setCookieLines.find((l) => l.startsWith('paddock_session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; Max-Age=2592000/);
    expect(line).not.toMatch(/Secure/);

    const value = browser.jar.get('paddock_session')!;
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await sessionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).toBe(hashToken(value));
    expect(rows[0]!.id_hash).not.toBe(value);

    // Pages do not make sessions: the same browser keeps its one session.
    await browser.startConnect();
    await browser.get('/vehicle');
    expect(await sessionRows()).toHaveLength(1);
  });

  test('visiting pages signed out creates no account and no session', async () => {
    const browser = h.browser();
    for (const path of ['/', '/login', '/vehicle', '/signin', '/signup']) await browser.get(path);
    expect(browser.jar.get('paddock_session')).toBeUndefined();
    expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(0);
    expect(await sessionRows()).toHaveLength(0);
  });

  test('Secure is set only behind a trusted proxy that says HTTPS', async () => {
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    const untrusting = h.browser();
    await untrusting.get('/signin', forwarded);
    expect(untrusting.jar.setCookieLines[0]).not.toMatch(/Secure/);

    await h.close();
    h = await createHarness({ dialect, config: { trustProxy: true } });
    const trusting = h.browser();
    await trusting.get('/signin', forwarded);
    expect(trusting.jar.setCookieLines[0]).toMatch(/^paddock_csrf=.*; Secure/);
    await trusting.submit(
      '/signup',
      { email: 'secure@example.com', password: TEST_PASSWORD },
      '/signup',
      forwarded,
    );
    const session = trusting.jar.setCookieLines.find((l) => l.startsWith('paddock_session='));
    expect(session).toMatch(/; Secure/);

    const plain = h.browser();
    await plain.get('/signin');
    expect(plain.jar.setCookieLines[0]).not.toMatch(/Secure/);
  });

  test('an expired session counts as signed out, and its row goes at the next sign-in', async () => {
    const browser = await h.signedIn('expiring@example.com');
    h.clock.advance(31 * DAY);
    const page = await browser.get('/login');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/signin');

    await h.signedIn('someone-else@example.com');
    expect(await sessionRows()).toHaveLength(1);
  });

  test('a cookie we never issued is ignored', async () => {
    const browser = h.browser();
    browser.jar.set('paddock_session', 'not-a-session-we-issued');
    const page = await browser.get('/login');
    expect(page.headers.get('location')).toBe('/signin');
  });

  test('/ sends a signed-out browser to /signin, a new account to /login, a connected one to /vehicle', async () => {
    const start = await h.browser().get('/');
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe('/signin');

    const browser = await h.signedIn('home@example.com');
    expect((await browser.get('/')).headers.get('location')).toBe('/login');
    const connectUrl = await browser.startConnect();
    const state = connectUrl.searchParams.get('state')!;
    const { userId } = await h.connectInEmulator('home@example.com', connectUrl);
    await browser.exchange({ user_id: userId, state });
    expect((await browser.get('/')).headers.get('location')).toBe('/vehicle');
  });
});
