import {
  BEV_LOGIN,
  createDashboardHarness,
  type DashboardHarness,
  WEBHOOK_URL,
} from './support/dashboard-harness.js';
import { pageText } from './support/pages.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('webhook subscriptions after /exchange on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  /** A harness whose configured webhook does not subscribe vehicles by itself: the app must. */
  async function withManualWebhook(fetch?: typeof globalThis.fetch) {
    h = await createDashboardHarness({ dialect, webhooks: false });
    const { id } = h.emulator.registerWebhook({
      clientId: h.credentials.clientId,
      name: 'Paddock',
      callbackUri: WEBHOOK_URL,
      triggers: ['tractionbattery-stateofcharge'],
      autoSubscribe: false,
    });
    await h.close();
    h = await createDashboardHarness({
      dialect,
      reuse: { emulator: h.emulator, clock: h.clock, credentials: h.credentials, webhookId: id },
      ...(fetch ? { fetch } : {}),
    });
    return id;
  }

  test('each newly connected vehicle is subscribed through the Management API', async () => {
    const webhookId = await withManualWebhook();
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    const subscribed: string[] = [];
    for await (const s of h.smartcar.subscriptions.list({ webhookId, vehicleMode: 'simulated' }))
      subscribed.push(s.vehicleId);
    expect(subscribed.sort()).toEqual([...vehicleIds].sort());
    const rows = await h.db.selectFrom('webhook_subscriptions').selectAll().execute();
    expect(rows.map((r) => [r.vehicle_id, r.webhook_id, r.status]).sort()).toEqual(
      vehicleIds.map((v) => [v, webhookId, 'SUBSCRIBED']).sort(),
    );
    expect(pageText(await (await browser.get(`/vehicles/${vehicleIds[0]}`)).text())).toContain(
      'Live updates are on',
    );
  });

  test('disconnect, then connect again: the vehicle is subscribed again, with one POST', async () => {
    let posts = 0;
    const webhookId = await withManualWebhook(async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname === '/v3/subscriptions') posts++;
      return h.emulator.fetch(request);
    });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const vehicleId = vehicleIds[0]!;
    expect(posts).toBe(1);
    expect((await browser.submit(`/vehicles/${vehicleId}/disconnect`, {})).status).toBe(303);
    // Smartcar drops the subscription with the connection; so must the app's record of it.
    expect(await h.db.selectFrom('webhook_subscriptions').selectAll().execute()).toEqual([]);

    await h.connect(browser, BEV_LOGIN);
    expect(posts).toBe(2);
    const subscribed: string[] = [];
    for await (const s of h.smartcar.subscriptions.list({ webhookId, vehicleMode: 'simulated' }))
      subscribed.push(s.vehicleId);
    expect(subscribed).toEqual([vehicleId]);
    const rows = await h.db.selectFrom('webhook_subscriptions').select(['vehicle_id', 'status']).execute();
    expect(rows).toEqual([{ vehicle_id: vehicleId, status: 'SUBSCRIBED' }]);
  });

  test('a webhook that already subscribed the vehicle (409) counts as subscribed', async () => {
    h = await createDashboardHarness({ dialect }); // the development webhook subscribes new vehicles itself
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, 'auto@example.com');
    const rows = await h.db.selectFrom('webhook_subscriptions').select(['vehicle_id', 'status']).execute();
    expect(rows.map((r) => r.status)).toEqual(vehicleIds.map(() => 'SUBSCRIBED'));
  });

  test('a failure to subscribe is logged and shown on the vehicle page, never fatal; connecting again retries it', async () => {
    await withManualWebhook();
    await h.control('/_emulator/faults', {
      type: 'SERVER',
      code: 'INTERNAL',
      pathPattern: '/v3/subscriptions',
      method: 'POST',
      count: 1,
    });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN); // /exchange still 303 to /vehicle
    const id = vehicleIds[0]!;
    const [row] = await h.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('vehicle_id', '=', id)
      .execute();
    expect(row).toMatchObject({ status: 'FAILED' });
    expect(row!.message).toBeTruthy();
    const text = pageText(await (await browser.get(`/vehicles/${id}`)).text());
    expect(text).toContain(`Live updates are off for this vehicle: ${row!.message}`);

    await h.connect(browser, BEV_LOGIN);
    const [retried] = await h.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('vehicle_id', '=', id)
      .execute();
    expect(retried).toMatchObject({ status: 'SUBSCRIBED', message: null });
  });
});
