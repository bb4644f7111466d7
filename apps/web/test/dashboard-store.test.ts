import { inTransaction } from '../src/db/transaction.js';
import { deleteSignalsOfUnheld } from '../src/features/account-data/account-data.repository.js';
import { upsertLatestSignals } from '../src/features/signals/signals.repository.js';
import { createHarness, type Harness, type TestBrowser } from './support/harness.js';
import { tableRows } from './support/html.js';
import { textOfId } from './support/pages.js';
import { dialects } from './support/test-database.js';

const MINUTE = 60_000;

describe.each(dialects)('/vehicle from the store on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  /** Every Vehicle API request the SDK makes, by path. */
  function recordingFetch() {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      if (path.startsWith('/v3/')) calls.push(path);
      return h.emulator.fetch(request);
    };
    return { calls, fetch: fetchImpl };
  }

  async function connected(
    email: string,
  ): Promise<{ browser: TestBrowser; userId: string; vehicleIds: string[] }> {
    const browser = await h.signedIn();
    const connectUrl = await browser.startConnect();
    const { userId, vehicleIds } = await h.connectInEmulator(email, connectUrl);
    const state = connectUrl.searchParams.get('state')!;
    expect((await browser.exchange({ user_id: userId, state })).status).toBe(303);
    return { browser, userId, vehicleIds };
  }

  const listedIds = async (browser: TestBrowser) =>
    tableRows(await (await browser.get('/vehicle')).text())
      .map((r) => r[0])
      .sort();

  test('within a minute a view asks Smartcar nothing; after it, the connections and the signals are read once', async () => {
    const recorder = recordingFetch();
    h = await createHarness({ dialect, fetch: recorder.fetch });
    const { browser, vehicleIds } = await connected('2-vehicles@smartcar.com');
    recorder.calls.length = 0;
    expect(await listedIds(browser)).toEqual([...vehicleIds].sort());
    const first = recorder.calls.splice(0);
    expect(first.filter((p) => p === '/v3/connections')).toHaveLength(1);
    expect(first.filter((p) => p.endsWith('/signals'))).toHaveLength(2);

    h.clock.advance(MINUTE - 1);
    for (let i = 0; i < 3; i++) expect(await listedIds(browser)).toEqual([...vehicleIds].sort());
    expect(recorder.calls).toEqual([]);

    h.clock.advance(1);
    await browser.get('/vehicle');
    expect(recorder.calls.filter((p) => p === '/v3/connections')).toHaveLength(1);
    expect(recorder.calls.filter((p) => p.endsWith('/signals'))).toHaveLength(2);
  });

  test('views arriving together share one listing and one signal read per vehicle', async () => {
    const recorder = recordingFetch();
    h = await createHarness({ dialect, fetch: recorder.fetch });
    const { browser, vehicleIds } = await connected('2-vehicles@smartcar.com');
    recorder.calls.length = 0;
    const pages = await Promise.all(Array.from({ length: 6 }, () => browser.get('/vehicle')));
    expect(pages.map((p) => p.status)).toEqual(Array(6).fill(200));
    expect(recorder.calls.filter((p) => p === '/v3/connections')).toHaveLength(1);
    expect(recorder.calls.filter((p) => p.endsWith('/signals'))).toHaveLength(vehicleIds.length);
  });

  test('a connection revoked at Smartcar leaves the page, and is marked disconnected, at the next listing', async () => {
    h = await createHarness({ dialect });
    const { browser, userId, vehicleIds } = await connected('2-vehicles@smartcar.com');
    expect(await listedIds(browser)).toEqual([...vehicleIds].sort());
    const [revoked, kept] = vehicleIds as [string, string];
    for await (const connection of h.smartcar.connections.list({ userId, vehicleMode: 'simulated' })) {
      if (connection.vehicleId === revoked && connection.id)
        await h.smartcar.connections.delete(connection.id);
    }
    // Still within the window: the store is what the page shows.
    expect(await listedIds(browser)).toEqual([...vehicleIds].sort());
    h.clock.advance(MINUTE);
    expect(await listedIds(browser)).toEqual([kept]);
    const row = await h.db
      .selectFrom('vehicles')
      .selectAll()
      .where('vehicle_id', '=', revoked)
      .executeTakeFirst();
    expect(row?.disconnected_at).toBe(h.clock.now());
  });

  test('a card shows what another instance wrote at its next view, and never values kept from before they were deleted', async () => {
    h = await createHarness({ dialect });
    const { browser, vehicleIds } = await connected('2-vehicles@smartcar.com');
    const vehicleId = vehicleIds[0]!;
    const card = async () =>
      textOfId(await (await browser.get('/vehicle')).text(), `summary-${vehicleId}`) ?? '';
    const first = await card();
    expect(await card()).toBe(first);

    // Another app instance on the same database stores a newer odometer reading.
    const odometer = (km: number) => ({
      vehicleId,
      code: 'odometer-traveleddistance',
      status: 'SUCCESS',
      body: { value: km, unit: 'km' },
      oemUpdatedAt: h.clock.now(),
      receivedAt: h.clock.now(),
    });
    h.clock.advance(1);
    await inTransaction(h.db, (trx) => upsertLatestSignals(trx, [odometer(123_456)]));
    expect(await card()).toMatch(/Odometer 123,456 km/);

    // Its values deleted (as when no account holds it) and one written again:
    // the card shows that one, not the one it showed before.
    const { account_id } = await h.db
      .selectFrom('vehicles')
      .select('account_id')
      .where('vehicle_id', '=', vehicleId)
      .executeTakeFirstOrThrow();
    expect(await deleteSignalsOfUnheld(h.db, [vehicleId], account_id)).toEqual([vehicleId]);
    h.clock.advance(1);
    await inTransaction(h.db, (trx) => upsertLatestSignals(trx, [odometer(7)]));
    const after = await card();
    expect(after).not.toMatch(/123,456/);
    expect(after).toMatch(/Odometer 7 km/);
  });
});
