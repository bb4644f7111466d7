import {
  BEV_LOGIN,
  createDashboardHarness,
  type DashboardHarness,
  eventually,
} from './support/dashboard-harness.js';
import { TEST_PASSWORD, TestBrowser } from './support/harness.js';
import { tableRows } from './support/html.js';
import { flashes, pageText } from './support/pages.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('disconnect and delete on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  /** The application's connections the emulator still holds, by vehicle id. */
  async function emulatorConnections(userId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const c of h.smartcar.connections.list({ userId, vehicleMode: 'simulated' }))
      ids.push(c.vehicleId);
    return ids.sort();
  }

  test('disconnect asks first, then revokes the connection at Smartcar and keeps the other vehicle; another browser sees the same', async () => {
    h = await createDashboardHarness({ dialect });
    const email = `two-cars-${Math.random().toString(36).slice(2)}@example.com`;
    const browser = new TestBrowser(h.app);
    expect((await browser.signUp(email, TEST_PASSWORD)).status).toBe(303);
    const { userId, vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    const [gone, kept] = vehicleIds as [string, string];

    const confirm = await browser.get(`/vehicles/${gone}/disconnect`);
    expect(confirm.status).toBe(200);
    expect(pageText(await confirm.text())).toMatch(/Disconnect your \d{4} \w+ .+\?/);
    expect(await emulatorConnections(userId)).toEqual([...vehicleIds].sort());

    const response = await browser.submit(`/vehicles/${gone}/disconnect`, {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/vehicle');
    expect(await emulatorConnections(userId)).toEqual([kept]);
    const row = await h.db
      .selectFrom('vehicles')
      .selectAll()
      .where('vehicle_id', '=', gone)
      .executeTakeFirstOrThrow();
    expect(row.disconnected_at).toBe(h.clock.now());

    const dashboard = await (await browser.get('/vehicle')).text();
    expect(flashes(dashboard)).toEqual([
      { kind: 'success', text: expect.stringMatching(/ was disconnected\.$/) },
    ]);
    expect(tableRows(dashboard).map((r) => r[0])).toEqual([kept]);
    expect((await browser.get(`/vehicles/${gone}`)).status).toBe(404);

    const elsewhere = new TestBrowser(h.app);
    expect((await elsewhere.signIn(email, TEST_PASSWORD)).status).toBe(303);
    expect(tableRows(await (await elsewhere.get('/vehicle')).text()).map((r) => r[0])).toEqual([kept]);
  });

  /** Rows of the vehicle's stored signals: latest values, history and last-read time. */
  async function storedSignals(vehicleId: string) {
    const count = async (table: 'signal_latest' | 'signal_history' | 'signal_reads') =>
      (await h.db.selectFrom(table).select('vehicle_id').where('vehicle_id', '=', vehicleId).execute())
        .length;
    return {
      latest: await count('signal_latest'),
      history: await count('signal_history'),
      reads: await count('signal_reads'),
    };
  }

  test("disconnect purges the vehicle's stored signals when no other account holds it, so a later owner never sees them", async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const vehicleId = vehicleIds[0]!;
    expect((await browser.get(`/vehicles/${vehicleId}`)).status).toBe(200);
    expect((await storedSignals(vehicleId)).latest).toBeGreaterThan(0);

    expect((await browser.submit(`/vehicles/${vehicleId}/disconnect`, {})).status).toBe(303);
    expect(await storedSignals(vehicleId)).toEqual({ latest: 0, history: 0, reads: 0 });
  });

  test('a signal read still on its way when the vehicle is disconnected stores nothing', async () => {
    // Holds every answer to a signals read until released.
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reading = false;
    h = await createDashboardHarness({
      dialect,
      // Smartcar has answered; the answer is on its way back when the disconnect happens.
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const response = await h.emulator.fetch(request);
        if (new URL(request.url).pathname.endsWith('/signals')) {
          reading = true;
          await held;
        }
        return response;
      },
    });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const vehicleId = vehicleIds[0]!;
    const page = browser.get(`/vehicles/${vehicleId}`);
    await eventually(() => reading, 'the signals read to start');
    expect((await browser.submit(`/vehicles/${vehicleId}/disconnect`, {})).status).toBe(303);
    release?.();
    await page;
    expect(await storedSignals(vehicleId)).toEqual({ latest: 0, history: 0, reads: 0 });
  });

  test('disconnect keeps the stored signals while another account still holds the vehicle', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { userId, vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const vehicleId = vehicleIds[0]!;
    await browser.get(`/vehicles/${vehicleId}`);
    const before = await storedSignals(vehicleId);
    // Another account holds the same vehicle (through its own Smartcar user), and one had it before.
    const other = await h.signedIn();
    await other.get('/vehicle');
    const ids = (await h.db.selectFrom('accounts').select('id').execute()).map((a) => a.id);
    const owner = await h.db
      .selectFrom('vehicles')
      .select('account_id')
      .where('vehicle_id', '=', vehicleId)
      .executeTakeFirstOrThrow();
    const otherId = ids.find((id) => id !== owner.account_id)!;
    await h.db
      .insertInto('vehicles')
      .values({
        account_id: otherId,
        vehicle_id: vehicleId,
        smartcar_user_id: `${userId}-other`,
        make: null,
        model: null,
        year: null,
        powertrain: null,
        connected_at: h.clock.now(),
        disconnected_at: null,
      })
      .execute();

    expect((await browser.submit(`/vehicles/${vehicleId}/disconnect`, {})).status).toBe(303);
    expect(await storedSignals(vehicleId)).toEqual(before);
  });

  test('another account cannot disconnect the vehicle: 404, nothing changes here or at Smartcar', async () => {
    h = await createDashboardHarness({ dialect });
    const owner = await h.signedIn();
    const { userId, vehicleIds } = await h.connect(owner, '2-vehicles@smartcar.com');
    const target = vehicleIds[0]!;
    const stranger = await h.signedIn();
    await h.connect(stranger, BEV_LOGIN);
    const rowsBefore = await h.db.selectFrom('vehicles').selectAll().orderBy('vehicle_id').execute();

    expect((await stranger.get(`/vehicles/${target}/disconnect`)).status).toBe(404);
    // A valid CSRF token of the stranger's own session, posted at the owner's vehicle.
    expect((await stranger.submit('/vehicle', {}, `/vehicles/${target}/disconnect`)).status).toBe(404);
    expect(await emulatorConnections(userId)).toEqual([...vehicleIds].sort());
    expect(await h.db.selectFrom('vehicles').selectAll().orderBy('vehicle_id').execute()).toEqual(rowsBefore);
    expect(
      tableRows(await (await owner.get('/vehicle')).text())
        .map((r) => r[0])
        .sort(),
    ).toEqual([...vehicleIds].sort());
  });

  test('a refused disconnect changes nothing here and says why', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { userId, vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    await h.control('/_emulator/faults', {
      type: 'SERVER',
      code: 'INTERNAL',
      pathPattern: '/v3/connections/*',
      method: 'DELETE',
      count: 1,
    });
    await browser.submit(`/vehicles/${vehicleIds[0]}/disconnect`, {});
    const page = await (await browser.get(`/vehicles/${vehicleIds[0]}`)).text();
    expect(flashes(page)).toEqual([
      {
        kind: 'error',
        text: 'The vehicle was not disconnected: Something went wrong on our side. Please try again later.',
      },
    ]);
    expect(await emulatorConnections(userId)).toEqual([...vehicleIds].sort());
    const row = await h.db
      .selectFrom('vehicles')
      .selectAll()
      .where('vehicle_id', '=', vehicleIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row.disconnected_at).toBeNull();
  });

  test('delete everything: the Smartcar user is deleted, every local row goes, the session ends', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { userId, vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    await browser.get('/vehicle');
    await browser.submit(`/vehicles/${vehicleIds[0]}`, {}, `/vehicles/${vehicleIds[0]}/commands/lock`);
    // Another account keeps its own data.
    const other = await h.signedIn();
    await h.connect(other, 'someone-else@example.com');

    expect(pageText(await (await browser.get('/account/delete')).text())).toContain('This cannot be undone.');
    const response = await browser.submit('/account/delete', {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/account/deleted');
    expect(await emulatorConnections(userId)).toEqual([]);

    // Only the other account is left, with only its own rows.
    const accounts = await h.db.selectFrom('accounts').select('id').execute();
    expect(accounts).toHaveLength(1);
    const survivor = accounts[0]!.id;
    for (const table of ['vehicles', 'smartcar_users', 'command_log', 'sessions'] as const) {
      const rows = await h.db.selectFrom(table).select('account_id').execute();
      expect(rows.every((r) => r.account_id === survivor)).toBe(true);
    }
    expect(await h.db.selectFrom('command_log').selectAll().execute()).toEqual([]);
    const signals = await h.db.selectFrom('signal_latest').select('vehicle_id').distinct().execute();
    expect(signals.some((s) => vehicleIds.includes(s.vehicle_id))).toBe(false);
    const after = await browser.get('/vehicle');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/signin');
    // The other account still sees its vehicles.
    expect(tableRows(await (await other.get('/vehicle')).text()).length).toBeGreaterThan(0);
  });

  test('delete everything revokes the Smartcar user even when an older link from another account exists', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { userId } = await h.connect(browser, 'linked-twice@example.com');
    // A link made before /exchange refused a Smartcar user already held by another account.
    const other = await h.signedIn();
    await other.get('/vehicle');
    const owner = await h.db
      .selectFrom('smartcar_users')
      .select('account_id')
      .where('smartcar_user_id', '=', userId)
      .executeTakeFirstOrThrow();
    const accounts = await h.db.selectFrom('accounts').select('id').execute();
    const otherId = accounts.find((a) => a.id !== owner.account_id)!.id;
    await h.db
      .insertInto('smartcar_users')
      .values({ account_id: otherId, smartcar_user_id: userId, created_at: h.clock.now() })
      .execute();

    expect((await browser.submit('/account/delete', {})).status).toBe(303);
    expect(await emulatorConnections(userId)).toEqual([]);
  });

  test('delete everything when Smartcar is down: nothing is deleted and the page says so', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { userId } = await h.connect(browser, 'keep-me@example.com');
    await h.control('/_emulator/faults', {
      type: 'RATE_LIMIT',
      code: 'SMARTCAR_API',
      retryAfter: 30,
      pathPattern: '/v3/users/*',
    });
    await browser.submit('/account/delete', {});
    const page = await (await browser.get('/vehicle')).text();
    expect(flashes(page)[0]?.text).toMatch(
      /^Nothing was deleted: .*Smartcar asked to wait 30 seconds \(until \d\d:\d\d:\d\d UTC\)\.$/,
    );
    expect((await emulatorConnections(userId)).length).toBeGreaterThan(0);
    expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(1);
  });
});
