import type { PasswordHasher } from '../src/security/password-hasher.js';
import { hashToken } from '../src/security/tokens.js';
import {
  createHarness,
  type Harness,
  TEST_PASSWORD,
  type TestBrowser,
  testHasher,
} from './support/harness.js';
import { csrfTokenIn, tableRows } from './support/html.js';
import { dialects } from './support/test-database.js';

/** A hasher that records every verify call and the hashes it made. */
function spyHasher() {
  const inner = testHasher();
  const made: string[] = [];
  const verified: string[] = [];
  const hasher: PasswordHasher = {
    async hash(password) {
      const hash = await inner.hash(password);
      made.push(hash);
      return hash;
    },
    async verify(password, stored) {
      verified.push(stored);
      return inner.verify(password, stored);
    },
  };
  return { hasher, made, verified };
}

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

  describe('failed sign-ins', () => {
    test('a wrong password and an unknown email get the same answer; the unknown one is checked against the decoy hash', async () => {
      const spy = spyHasher();
      h = await createHarness({ dialect, passwordHasher: spy.hasher });
      await h.signedIn('known@example.com');
      const accountHash = spy.made[0]!;

      spy.verified.length = 0;
      const wrong = await h.browser().signIn('known@example.com', 'not the password');
      expect(spy.verified).toEqual([accountHash]);

      spy.verified.length = 0;
      const unknown = await h.browser().signIn('nobody@example.com', 'not the password');
      expect(spy.verified).toHaveLength(1);
      const decoy = spy.verified[0]!;
      expect(decoy).not.toBe(accountHash);
      expect(spy.made).toContain(decoy); // a real scrypt hash, made by the same hasher

      const strip = (html: string) => html.replaceAll(/value="[^"]*"/g, '');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(strip(await wrong.text())).toBe(strip(await unknown.text()));

      // The decoy is made once, not per attempt.
      const hashesBefore = spy.made.length;
      await h.browser().signIn('nobody-else@example.com', 'x');
      expect(spy.made.length).toBe(hashesBefore);
    });

    test('5 failures for one email in 15 minutes: a 429 with the wait, even for the right password; the window then frees it', async () => {
      h = await createHarness({ dialect });
      await h.signedIn('target@example.com');
      const attacker = h.browser();
      for (let i = 0; i < 5; i++) {
        expect((await attacker.signIn('target@example.com', `guess ${i}`)).status).toBe(401);
        h.clock.advance(60_000);
      }
      // 5 failures at t = 0..4 min; now t = 5 min: the first leaves the window at 15 min.
      const limited = await attacker.signIn('target@example.com', TEST_PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe(String(10 * 60));
      expect(await limited.text()).toContain('Try again in 10 minutes.');
      // Another browser (same address) is refused too: the count is per email, in the database.
      expect((await h.browser().signIn('target@example.com', TEST_PASSWORD)).status).toBe(429);

      h.clock.advance(10 * 60_000);
      expect((await h.browser().signIn('target@example.com', TEST_PASSWORD)).status).toBe(303);
      // Success clears the email's count.
      expect((await h.browser().signIn('target@example.com', 'oops')).status).toBe(401);
      expect((await h.browser().signIn('target@example.com', TEST_PASSWORD)).status).toBe(303);
    });

    test('30 wrong passwords at once: at most the limit are checked, the rest get 429', async () => {
      const spy = spyHasher();
      h = await createHarness({ dialect, passwordHasher: spy.hasher });
      await h.signedIn('target@example.com');
      const verifiedBefore = spy.verified.length;
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => h.browser().signIn('target@example.com', `guess ${i}`)),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(spy.verified.length - verifiedBefore).toBeLessThanOrEqual(5);
      // Each checked guess stays counted (per email and per address); the refused ones do not.
      const failures = await h.db
        .selectFrom('sign_in_failures')
        .select('bucket')
        .where('bucket', 'not like', 'signup:%')
        .execute();
      expect(failures).toHaveLength(2 * statuses.filter((s) => s === 401).length);
    });

    test('successful sign-ins do not count against the address', async () => {
      h = await createHarness({
        dialect,
        config: { trustProxy: true },
        signInLimits: { windowMs: 15 * 60_000, perEmail: 5, perAddress: 3 },
      });
      const office = { headers: { 'x-forwarded-for': '198.51.100.20' } };
      for (let i = 0; i < 5; i++) await h.signedIn(`colleague${i}@example.com`);
      for (let i = 0; i < 5; i++) {
        expect((await h.browser().signIn(`colleague${i}@example.com`, TEST_PASSWORD, office)).status).toBe(
          303,
        );
      }
      const signInRows = h.db
        .selectFrom('sign_in_failures')
        .selectAll()
        .where('bucket', 'not like', 'signup:%');
      expect(await signInRows.execute()).toEqual([]);
    });

    test('sign-ups are limited per address (taken emails included, so probing for accounts is too); bad forms are not counted', async () => {
      const spy = spyHasher();
      h = await createHarness({
        dialect,
        config: { trustProxy: true },
        passwordHasher: spy.hasher,
        signInLimits: { windowMs: 15 * 60_000, perEmail: 5, perAddress: 20, signUpsPerAddress: 3 },
      });
      const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
      const signUp = (email: string, address = '198.51.100.30', password = TEST_PASSWORD) =>
        h.browser().submit('/signup', { email, password }, '/signup', from(address));
      expect((await signUp('bad', '198.51.100.30', 'short')).status).toBe(400);
      expect((await signUp('first@example.com')).status).toBe(303);
      expect((await signUp('first@example.com')).status).toBe(409);
      expect((await signUp('second@example.com')).status).toBe(303);
      const hashes = spy.made.length;
      const limited = await signUp('third@example.com');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe(String(15 * 60));
      expect(await limited.text()).toContain('Too many accounts were created from this network');
      expect((await signUp('first@example.com')).status).toBe(429);
      // Nothing was hashed or stored for the refused ones; another address is not affected.
      expect(spy.made.length).toBe(hashes);
      expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(2);
      expect((await signUp('third@example.com', '198.51.100.31')).status).toBe(303);
      h.clock.advance(15 * 60_000);
      expect((await signUp('fourth@example.com')).status).toBe(303);
    });

    test('failures from one address across many emails are limited per address', async () => {
      h = await createHarness({
        dialect,
        config: { trustProxy: true },
        signInLimits: { windowMs: 15 * 60_000, perEmail: 5, perAddress: 3 },
      });
      await h.signedIn('victim@example.com');
      const from = (address: string) => ({ headers: { 'x-forwarded-for': `203.0.113.9, ${address}` } });
      for (let i = 0; i < 3; i++) {
        expect((await h.browser().signIn(`guess${i}@example.com`, 'x', from('198.51.100.7'))).status).toBe(
          401,
        );
      }
      expect(
        (await h.browser().signIn('victim@example.com', TEST_PASSWORD, from('198.51.100.7'))).status,
      ).toBe(429);
      // The client-supplied first entry is not the address; our proxy's last entry is.
      expect(
        (await h.browser().signIn('victim@example.com', TEST_PASSWORD, from('198.51.100.8'))).status,
      ).toBe(303);
      // Neither emails nor addresses are stored in the clear.
      const buckets = await h.db.selectFrom('sign_in_failures').select('bucket').execute();
      expect(buckets.length).toBeGreaterThan(0);
      for (const { bucket } of buckets) expect(bucket).not.toMatch(/@|198\.51/);
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
