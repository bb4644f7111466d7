import type { AppLogger } from '../src/logger.js';
import { hashToken } from '../src/security/tokens.js';
import { createHarness, EMULATOR_ORIGIN, type Harness } from './support/harness.js';
import { tableRows } from './support/html.js';
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

  /** Asserts the page refused the redirect: 400, a link back to /login, nothing stored. */
  async function expectRefused(response: Response, wording: RegExp): Promise<void> {
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toMatch(wording);
    expect(html).toContain('href="/login"');
    expect(await h.storedUsers()).toBe(0);
  }

  describe('/login', () => {
    test('shows a Connect button carrying scope, mode, redirect URI and a fresh state', async () => {
      const browser = await h.signedIn();
      const first = await browser.startConnect();
      const second = await browser.startConnect();

      expect(first.origin).toBe(EMULATOR_ORIGIN);
      expect(first.pathname).toBe('/oauth/authorize');
      expect(first.searchParams.get('client_id')).toBe(h.credentials.clientId);
      expect(first.searchParams.get('scope')).toBe('read_vehicle_info');
      expect(first.searchParams.get('mode')).toBe('simulated');
      expect(first.searchParams.get('redirect_uri')).toBe('http://localhost:8000/exchange');
      // 32 random bytes in base64url: 256 bits.
      expect(first.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(second.searchParams.get('state')).not.toBe(first.searchParams.get('state'));
    });

    test('the configured scope is what Connect is asked for', async () => {
      await h.close();
      h = await createHarness({
        dialect,
        config: {
          scope: [
            { permission: 'read_vehicle_info', required: false },
            { permission: 'read_battery', required: true },
          ],
        },
      });
      const browser = await h.signedIn();
      const url = await browser.startConnect();
      expect(url.searchParams.get('scope')).toBe('read_vehicle_info required:read_battery');
      // The page says which permission cannot be unticked, in words.
      const html = await (await browser.get('/login')).text();
      expect(html).toContain('<li>Read the state of charge and range of the high-voltage battery');
      expect(html).toMatch(/battery[^<]*<span class="muted"> \(required\)<\/span><\/li>/);
      expect(html).not.toContain('required:');
    });

    test('states are stored hashed and bound to the session', async () => {
      const browser = await h.signedIn();
      const state = (await browser.startConnect()).searchParams.get('state')!;
      const rows = await h.db.selectFrom('oauth_states').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.state_hash).toBe(hashToken(state));
      expect(rows[0]!.session_id_hash).toBe(hashToken(browser.jar.get('paddock_session')!));
      expect(rows[0]!.expires_at - rows[0]!.created_at).toBe(10 * MINUTE);
    });
  });

  describe('/exchange', () => {
    test('happy path: 303 to /vehicle without a referrer, and the table shows what the emulator holds', async () => {
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const state = connectUrl.searchParams.get('state')!;
      const { userId, vehicleIds } = await h.connectInEmulator('driver@example.com', connectUrl);

      const response = await browser.exchange({ user_id: userId, state });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/vehicle');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await h.storedUsers()).toBe(1);

      const page = await browser.get('/vehicle');
      expect(page.status).toBe(200);
      const rows = tableRows(await page.text());
      expect(rows).toHaveLength(vehicleIds.length);
      for (const vehicleId of vehicleIds) {
        const held = await h.smartcar.vehicles.retrieve(vehicleId, { userId });
        const row = rows.find((cells) => cells[0] === vehicleId);
        expect(row?.slice(1, 4)).toEqual([held.make, held.model, String(held.year)]);
        expect(row?.[4]).toContain(held.powertrainType ?? 'Unknown');
      }
    });

    test('the same Smartcar user linked twice is stored once', async () => {
      const browser = await h.signedIn();
      const { userId } = await h.connectInEmulator('twice@example.com', await browser.startConnect());
      for (let i = 0; i < 2; i++) {
        const state = (await browser.startConnect()).searchParams.get('state')!;
        expect((await browser.exchange({ user_id: userId, state })).status).toBe(303);
      }
      expect(await h.storedUsers()).toBe(1);
    });

    test('a forged state stores nothing', async () => {
      const browser = await h.signedIn();
      await browser.startConnect();
      const { userId } = await h.connectInEmulator('forged@example.com');
      await expectRefused(
        await browser.exchange({ user_id: userId, state: 'A'.repeat(43) }),
        /does not belong to a connection started in this browser/,
      );
    });

    test('a missing state stores nothing', async () => {
      const browser = await h.signedIn();
      await browser.startConnect();
      const { userId } = await h.connectInEmulator('nostate@example.com');
      await expectRefused(await browser.exchange({ user_id: userId }), /did not carry the check value/);
      await expectRefused(
        await browser.exchange({ user_id: userId, state: '' }),
        /did not carry the check value/,
      );
    });

    test('a reused state stores nothing more', async () => {
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const state = connectUrl.searchParams.get('state')!;
      const first = await h.connectInEmulator('first@example.com', connectUrl);
      const second = await h.connectInEmulator('second@example.com');
      expect((await browser.exchange({ user_id: first.userId, state })).status).toBe(303);

      const again = await browser.exchange({ user_id: second.userId, state });
      expect(again.status).toBe(400);
      expect(await again.text()).toMatch(/already completed/);
      const stored = await h.db.selectFrom('smartcar_users').select('smartcar_user_id').execute();
      expect(stored).toEqual([{ smartcar_user_id: first.userId }]);
    });

    test('an expired state (11 minutes) stores nothing; 9 minutes is still fine', async () => {
      const browser = await h.signedIn();
      const { userId } = await h.connectInEmulator('slow@example.com', await browser.startConnect());
      const stale = (await browser.startConnect()).searchParams.get('state')!;
      h.clock.advance(11 * MINUTE);
      await expectRefused(await browser.exchange({ user_id: userId, state: stale }), /has expired/);

      const fresh = (await browser.startConnect()).searchParams.get('state')!;
      h.clock.advance(9 * MINUTE);
      expect((await browser.exchange({ user_id: userId, state: fresh })).status).toBe(303);
    });

    test("another browser's state stores nothing", async () => {
      const victim = await h.signedIn();
      const attacker = await h.signedIn();
      await attacker.startConnect();
      const victimUrl = await victim.startConnect();
      const victimState = victimUrl.searchParams.get('state')!;
      // The victim's own Smartcar user, connected from the victim's account.
      const { userId } = await h.connectInEmulator('victim-car@example.com', victimUrl);

      expect(attacker.jar.get('paddock_session')).not.toBe(victim.jar.get('paddock_session'));
      await expectRefused(
        await attacker.exchange({ user_id: userId, state: victimState }),
        /does not belong to a connection started in this browser/,
      );
      // A browser that is not signed in fares no better.
      await expectRefused(
        await h.browser().exchange({ user_id: userId, state: victimState }),
        /not signed in to Paddock/,
      );
      // The state is still the victim's to use.
      expect((await victim.exchange({ user_id: userId, state: victimState })).status).toBe(303);
    });

    test('a missing or malformed user_id stores nothing', async () => {
      const browser = await h.signedIn();
      const queries: Record<string, string>[] = [
        {},
        { user_id: '' },
        { user_id: '<script>x</script>' },
        { user_id: 'a b' },
      ];
      for (const query of queries) {
        const state = (await browser.startConnect()).searchParams.get('state')!;
        const response = await browser.exchange({ ...query, state });
        expect(response.status).toBe(400);
        const html = await response.text();
        expect(html).toMatch(/did not include a valid user id/);
        expect(html).not.toContain('<script>x');
        expect(await h.storedUsers()).toBe(0);
      }
    });

    test('a repeated user_id parameter is malformed', async () => {
      const browser = await h.signedIn();
      const state = (await browser.startConnect()).searchParams.get('state')!;
      const response = await browser.get(`/exchange?user_id=a&user_id=b&state=${state}`);
      expect(response.status).toBe(400);
      expect(await h.storedUsers()).toBe(0);
    });

    test('error=access_denied shows an access-denied page and stores nothing', async () => {
      const browser = await h.signedIn();
      const state = (await browser.startConnect()).searchParams.get('state')!;
      const response = await browser.exchange({
        error: 'access_denied',
        error_description: 'User denied access to the requested scope of permissions.',
        state,
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await response.text();
      expect(html).toContain('Access denied');
      expect(html).toContain('User denied access to the requested scope of permissions.');
      expect(html).toContain('href="/login"');
      expect(await h.storedUsers()).toBe(0);
    });

    test.each([
      ['invalid_subscription', 403, /subscription/],
      ['configuration_error', 400, /misconfigured/],
      ['no_vehicles', 400, /No vehicles found/],
      ['server_error', 502, /Smartcar had a problem/],
      ['something_new', 400, /Connection failed/],
    ])('error=%s answers %i with a clear page', async (error, status, wording) => {
      const browser = await h.signedIn();
      const state = (await browser.startConnect()).searchParams.get('state')!;
      const response = await browser.exchange({
        error,
        error_description: 'details',
        state,
        user_id: 'ignored',
      });
      expect(response.status).toBe(status);
      expect(await response.text()).toMatch(wording);
      expect(await h.storedUsers()).toBe(0);
    });

    test('error=vehicle_incompatible names the vehicle', async () => {
      const browser = await h.signedIn();
      const state = (await browser.startConnect()).searchParams.get('state')!;
      const response = await browser.exchange({
        error: 'vehicle_incompatible',
        error_description: 'The vehicle is incompatible.',
        vin: '5YJ3E1EA1KF000001',
        make: 'TESLA',
        model: 'Model 3',
        year: '2019',
        state,
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('Vehicle not compatible');
      expect(html).toContain('2019 TESLA Model 3');
      expect(html).toContain('5YJ3E1EA1KF000001');
      expect(await h.storedUsers()).toBe(0);
    });

    test('an error redirect with a bad state is refused like any other', async () => {
      const browser = await h.signedIn();
      await browser.startConnect();
      await expectRefused(
        await browser.exchange({ error: 'access_denied', error_description: 'x', state: 'forged' }),
        /does not belong/,
      );
    });
  });

  describe('whose Smartcar user it is', () => {
    test('the Connect URL carries an external_id bound to the account: the same each time, another per account, not the account id', async () => {
      const alice = await h.signedIn();
      const bob = await h.signedIn();
      const first = (await alice.startConnect()).searchParams.get('external_id');
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await alice.startConnect()).searchParams.get('external_id')).toBe(first);
      expect((await bob.startConnect()).searchParams.get('external_id')).not.toBe(first);
      const ids = await h.db.selectFrom('accounts').select('id').execute();
      expect(ids.map((r) => r.id)).not.toContain(first);
    });

    test("another person's user_id with one's own valid state stores nothing, and that person's car stays out of reach", async () => {
      const alice = await h.signedIn('alice@example.com');
      const aliceUrl = await alice.startConnect();
      const aliceCar = await h.connectInEmulator('alice-car@example.com', aliceUrl);
      expect(
        (await alice.exchange({ user_id: aliceCar.userId, state: aliceUrl.searchParams.get('state')! }))
          .status,
      ).toBe(303);

      const mallory = await h.signedIn('mallory@example.com');
      const state = (await mallory.startConnect()).searchParams.get('state')!;
      const response = await mallory.exchange({ user_id: aliceCar.userId, state });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/no connection made from your Paddock account/);
      const links = await h.db
        .selectFrom('smartcar_users')
        .select(['account_id', 'smartcar_user_id'])
        .execute();
      expect(links).toHaveLength(1);
      const malloryPage = await (await mallory.get('/vehicle')).text();
      expect(malloryPage).toContain('No vehicle connected');
      expect((await mallory.get(`/vehicles/${aliceCar.vehicleIds[0]}`)).status).toBe(404);
    });

    test('a Smartcar user already linked to another account is refused with a clear page', async () => {
      const alice = await h.signedIn();
      const aliceUrl = await alice.startConnect();
      const held = await h.connectInEmulator('shared-login@example.com', aliceUrl);
      expect(
        (await alice.exchange({ user_id: held.userId, state: aliceUrl.searchParams.get('state')! })).status,
      ).toBe(303);

      // The same Smartcar login goes through Connect again, from Bob's account this time.
      const bob = await h.signedIn();
      const bobUrl = await bob.startConnect();
      const again = await h.connectInEmulator('shared-login@example.com', bobUrl);
      expect(again.userId).toBe(held.userId);
      const response = await bob.exchange({ user_id: held.userId, state: bobUrl.searchParams.get('state')! });
      expect(response.status).toBe(409);
      expect(await response.text()).toContain('already connected to another Paddock account');
      expect(await h.storedUsers()).toBe(1);
      expect(await (await bob.get('/vehicle')).text()).toContain('No vehicle connected');
    });

    test('when Smartcar cannot be asked, nothing is stored and the page says so', async () => {
      const browser = await h.signedIn();
      const url = await browser.startConnect();
      const { userId } = await h.connectInEmulator('unconfirmed@example.com', url);
      await h.emulator.fetch(`${EMULATOR_ORIGIN}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'SERVER', code: 'INTERNAL', pathPattern: '/v3/connections', count: 1 }),
      });
      const response = await browser.exchange({ user_id: userId, state: url.searchParams.get('state')! });
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(
        /could not confirm the connection with Smartcar, so nothing was stored/,
      );
      expect(await h.storedUsers()).toBe(0);
    });
  });

  describe('/exchange under pressure', () => {
    test('two redirects with the same state at once: one 303, one 400, one row', async () => {
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const state = connectUrl.searchParams.get('state')!;
      const { userId } = await h.connectInEmulator('racing@example.com', connectUrl);
      const responses = await Promise.all([
        browser.exchange({ user_id: userId, state }),
        browser.exchange({ user_id: userId, state }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([303, 400]);
      expect(await h.storedUsers()).toBe(1);
      expect(await h.db.selectFrom('oauth_states').select('used_at').execute()).toEqual([
        { used_at: expect.any(Number) },
      ]);
    });

    test('the logs never carry the state or the Smartcar user id', async () => {
      const lines: string[] = [];
      const record = (level: string) => (obj: object, msg?: string) =>
        lines.push(JSON.stringify({ level, msg, ...obj }));
      const logger: AppLogger = {
        debug: record('debug'),
        info: record('info'),
        warn: record('warn'),
        error: record('error'),
      };
      await h.close();
      h = await createHarness({ dialect, logger });
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const state = connectUrl.searchParams.get('state')!;
      const { userId } = await h.connectInEmulator('quiet@example.com', connectUrl);
      expect((await browser.exchange({ user_id: userId, state })).status).toBe(303);
      expect((await browser.exchange({ user_id: userId, state })).status).toBe(400); // replayed
      expect((await browser.exchange({ user_id: 'x'.repeat(10), state: 'forged' })).status).toBe(400);
      await browser.get('/vehicle');

      expect(lines.some((l) => l.includes('/exchange'))).toBe(true);
      expect(lines.some((l) => l.includes('smartcar user linked'))).toBe(true);
      for (const line of lines) {
        expect(line).not.toContain(state);
        expect(line).not.toContain(userId);
        expect(line).not.toContain('x'.repeat(10));
      }
    });
  });
});
