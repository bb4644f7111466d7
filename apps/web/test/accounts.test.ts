import { hashToken } from '../src/security/tokens.js';
import { createHarness, type Harness, TEST_PASSWORD, type TestBrowser } from './support/harness.js';
import { csrfTokenIn, tableRows } from './support/html.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('accounts on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  /** Signs `browser` in to Connect with the emulator login `email` and comes back through /exchange. */
  async function connect(
    browser: TestBrowser,
    email: string,
  ): Promise<{ userId: string; vehicleIds: string[] }> {
    const connectUrl = await browser.startConnect();
    const state = connectUrl.searchParams.get('state')!;
    const held = await h.connectInEmulator(email, connectUrl);
    expect((await browser.exchange({ user_id: held.userId, state })).status).toBe(303);
    return held;
  }

  const vehicleIdsOn = async (browser: TestBrowser) =>
    tableRows(await (await browser.get('/vehicle')).text())
      .map((r) => r[0])
      .sort();

  describe('sign up, sign in, connect', () => {
    beforeEach(async () => {
      h = await createHarness({ dialect });
    });

    test('sign up → sign in → connect → /vehicle; a second browser signing in sees the same vehicles', async () => {
      const first = h.browser();
      const signedUp = await first.signUp('Ann@Example.com ', TEST_PASSWORD);
      expect(signedUp.status).toBe(303);
      expect(signedUp.headers.get('location')).toBe('/login');
      await first.signOut();

      const signedIn = await first.signIn('ann@example.com', TEST_PASSWORD);
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/');
      const { vehicleIds } = await connect(first, '2-vehicles@smartcar.com');
      expect(await vehicleIdsOn(first)).toEqual([...vehicleIds].sort());
      expect(await (await first.get('/vehicle')).text()).toContain('ann@example.com');

      const second = h.browser();
      expect((await second.signIn('ANN@example.com', TEST_PASSWORD)).status).toBe(303);
      expect(second.jar.get('paddock_session')).not.toBe(first.jar.get('paddock_session'));
      expect((await second.get('/')).headers.get('location')).toBe('/vehicle');
      expect(await vehicleIdsOn(second)).toEqual([...vehicleIds].sort());
    });

    test('connecting the same Smartcar user again adds nothing; another one adds its vehicles', async () => {
      const browser = await h.signedIn();
      const stored = async () =>
        (await h.db.selectFrom('vehicles').select('vehicle_id').orderBy('vehicle_id').execute()).map(
          (r) => r.vehicle_id,
        );
      const first = await connect(browser, '2-vehicles@smartcar.com');
      expect(await stored()).toEqual([...first.vehicleIds].sort());
      await connect(browser, '2-vehicles@smartcar.com');
      expect(await h.storedUsers()).toBe(1);
      expect(await stored()).toEqual([...first.vehicleIds].sort());
      expect(await vehicleIdsOn(browser)).toEqual([...first.vehicleIds].sort());

      const other = await connect(browser, '1-vehicles@smartcar.com');
      const all = [...first.vehicleIds, ...other.vehicleIds].sort();
      expect(await h.storedUsers()).toBe(2);
      expect(await stored()).toEqual(all);
      expect(await vehicleIdsOn(browser)).toEqual(all);
      // The stored rows carry what Connect's list said about each vehicle.
      const row = await h.db
        .selectFrom('vehicles')
        .selectAll()
        .where('vehicle_id', '=', other.vehicleIds[0]!)
        .executeTakeFirstOrThrow();
      const held = await h.smartcar.vehicles.retrieve(row.vehicle_id, { userId: other.userId });
      expect(row).toMatchObject({
        smartcar_user_id: other.userId,
        make: held.make,
        model: held.model,
        year: held.year,
        powertrain: held.powertrainType ?? null,
        disconnected_at: null,
      });
    });

    test('a Smartcar failure while storing the vehicles still links the user; /vehicle lists them', async () => {
      let failList = false;
      let listings = 0;
      await h.close();
      h = await createHarness({
        dialect,
        fetch: async (input, init) => {
          const request = new Request(input, init);
          const listing = new URL(request.url).pathname === '/v3/connections';
          if (listing) listings++;
          // The first listing confirms whose connection it is; the one storing the vehicles fails.
          if (failList && listing && listings > 1)
            return Response.json(
              { errors: [{ status: '500', type: 'SERVER', code: null }] },
              { status: 500 },
            );
          return h.emulator.fetch(request);
        },
      });
      const browser = await h.signedIn();
      failList = true;
      const { vehicleIds } = await connect(browser, 'flaky@example.com');
      expect(await h.storedUsers()).toBe(1);
      expect(await h.db.selectFrom('vehicles').selectAll().execute()).toHaveLength(0);
      failList = false;
      expect(await vehicleIdsOn(browser)).toEqual([...vehicleIds].sort());
    });

    test('accounts do not see each other’s vehicles', async () => {
      const owner = await h.signedIn('owner@example.com');
      await connect(owner, 'owner-car@example.com');
      const stranger = await h.signedIn('stranger@example.com');
      expect(await (await stranger.get('/vehicle')).text()).toContain('No vehicle connected');
    });

    test('the password is stored only as a salted scrypt hash', async () => {
      await h.signedIn('hash@example.com');
      await h.signedIn('hash2@example.com');
      const rows = await h.db.selectFrom('accounts').select(['email', 'password_hash']).execute();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
        expect(row.password_hash).not.toContain(TEST_PASSWORD);
      }
      // Same password, different salts.
      expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
    });

    test('sign-up problems are shown together; a taken email is a 409 (in any case)', async () => {
      const browser = h.browser();
      const bad = await browser.signUp('not-an-email', 'short');
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain('Enter a valid email address.');
      expect(html).toContain('Choose a password of at least 8 characters.');
      expect(html).toContain('value="not-an-email"');
      expect(html).not.toContain('value="short"');

      await h.signedIn('taken@example.com');
      const again = await h.browser().signUp('TAKEN@example.com', TEST_PASSWORD);
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('already an account');
      expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(1);
    });

    test('signing in rotates the session id and deletes the old session', async () => {
      const browser = await h.signedIn('rotate@example.com');
      const before = browser.jar.get('paddock_session')!;
      expect((await browser.signIn('rotate@example.com', TEST_PASSWORD)).status).toBe(303);
      const after = browser.jar.get('paddock_session')!;
      expect(after).not.toBe(before);
      const rows = await h.db.selectFrom('sessions').select('id_hash').execute();
      expect(rows).toEqual([{ id_hash: hashToken(after) }]);

      // The old cookie, replayed, is signed out.
      const replay = h.browser();
      replay.jar.set('paddock_session', before);
      expect((await replay.get('/login')).headers.get('location')).toBe('/signin');
    });

    test('signing out deletes the session row; the cookie is cleared and worthless if kept', async () => {
      const browser = await h.signedIn('leaving@example.com');
      const cookie = browser.jar.get('paddock_session')!;
      const out = await browser.signOut();
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/signin');
      expect(browser.jar.get('paddock_session')).toBeUndefined();
      expect(await h.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);

      const kept = h.browser();
      kept.jar.set('paddock_session', cookie);
      expect((await kept.get('/vehicle')).headers.get('location')).toBe('/signin');
    });
  });

  describe('CSRF', () => {
    beforeEach(async () => {
      h = await createHarness({ dialect });
    });

    const posts = [
      ['/signup', { email: 'csrf@example.com', password: TEST_PASSWORD }],
      ['/signin', { email: 'csrf@example.com', password: TEST_PASSWORD }],
      ['/signout', {}],
    ] as const;

    test.each(posts)(
      'POST %s without a token, or with a wrong one, is a 403 and does nothing',
      async (path, fields) => {
        const browser = await h.signedIn('owner@example.com');
        const accounts = await h.db.selectFrom('accounts').selectAll().execute();
        const sessions = await h.db.selectFrom('sessions').selectAll().execute();

        const attempts: Record<string, string>[] = [{}, { _csrf: 'A'.repeat(43) }, { _csrf: '' }];
        for (const extra of attempts) {
          const response = await browser.post(path, { ...fields, ...extra });
          expect(response.status).toBe(403);
          const html = await response.text();
          expect(html).toContain('This form cannot be accepted');
        }
        // A valid token of another browser does not fit this one's cookie.
        const other = h.browser();
        const token = csrfTokenIn(await (await other.get('/signin')).text());
        expect((await browser.post(path, { ...fields, _csrf: token })).status).toBe(403);

        expect(await h.db.selectFrom('accounts').selectAll().execute()).toEqual(accounts);
        expect(await h.db.selectFrom('sessions').selectAll().execute()).toEqual(sessions);
      },
    );

    test('the token is bound to the session: one made before signing in fails after', async () => {
      const browser = h.browser();
      const before = csrfTokenIn(await (await browser.get('/signin')).text());
      expect(
        (
          await browser.post('/signup', {
            _csrf: before,
            email: 'bound@example.com',
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(303);
      expect((await browser.post('/signout', { _csrf: before })).status).toBe(403);
      expect((await browser.signOut()).status).toBe(303);
    });

    test('the CSRF cookie is random and HttpOnly; the signing key lives in the database', async () => {
      const browser = h.browser();
      await browser.get('/signin');
      const line = browser.jar.setCookieLines.find((l) => l.startsWith('paddock_csrf='))!;
      expect(line).toMatch(/^paddock_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
      const secrets = await h.db.selectFrom('app_secrets').select('name').execute();
      expect(secrets).toEqual([{ name: 'csrf' }]);
    });
  });
});
