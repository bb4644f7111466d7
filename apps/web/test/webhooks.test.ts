import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { createLiveHub, type VehicleChange } from '../src/features/live/live-hub.js';
import { BEV_LOGIN, createDashboardHarness, type DashboardHarness } from './support/dashboard-harness.js';
import { holdVehicles } from './support/held-vehicles.js';
import { dialects } from './support/test-database.js';
import { deliver, stateOfChargeEvent } from './support/webhook-events.js';

const SOC = 'tractionbattery-stateofcharge';
const VEHICLE = 'vehicle-under-test';

async function counts(db: Kysely<Database>) {
  const count = async (table: 'webhook_events' | 'signal_latest' | 'signal_history') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    events: await count('webhook_events'),
    latest: await count('signal_latest'),
    history: await count('signal_history'),
  };
}

async function latestSoc(db: Kysely<Database>, vehicleId = VEHICLE) {
  const row = await db
    .selectFrom('signal_latest')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .where('code', '=', SOC)
    .executeTakeFirst();
  return row && { value: (JSON.parse(row.body!) as { value: number }).value, at: row.oem_updated_at };
}

describe.each(dialects)('POST /webhooks/smartcar on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  test('VERIFY is answered with the HMAC of the challenge under the management token, and enables the webhook', async () => {
    h = await createDashboardHarness({ dialect });
    await holdVehicles(h.db, VEHICLE);
    const challenge = 'a1b2c3d4e5f6';
    const response = await deliver(
      h.app,
      JSON.stringify({ eventId: 'v-1', eventType: 'VERIFY', data: { challenge }, meta: { version: '4.0' } }),
      undefined,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: createHmac('sha256', h.credentials.managementToken).update(challenge).digest('hex'),
    });
    // The emulator's own VERIFY (sent when the harness started) was accepted the same way.
    const webhook = (await h.control(`/_emulator/webhooks/${h.webhookId}`, undefined, 'GET')) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(webhook)).toMatch(/"(isEnabled|enabled|verified)":true/);
    expect((await counts(h.db)).events).toBe(0);
  });

  test('a delivery for a vehicle no account holds (a late one after a disconnect) is stored once, its values not', async () => {
    h = await createDashboardHarness({ dialect });
    const body = stateOfChargeEvent({
      eventId: 'e-late',
      vehicleId: VEHICLE,
      percent: 33,
      at: h.clock.now(),
    });
    const response = await deliver(h.app, body, h.credentials.managementToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    expect(await counts(h.db)).toMatchObject({ events: 1, latest: 0, history: 0 });
    // Once someone holds it, its deliveries apply again.
    await holdVehicles(h.db, VEHICLE);
    const next = stateOfChargeEvent({
      eventId: 'e-held',
      vehicleId: VEHICLE,
      percent: 34,
      at: h.clock.now() + 1,
    });
    expect((await deliver(h.app, next, h.credentials.managementToken)).status).toBe(200);
    expect((await latestSoc(h.db))?.value).toBe(34);
  });

  test('a bad or missing signature is 401 and stores nothing', async () => {
    h = await createDashboardHarness({ dialect });
    await holdVehicles(h.db, VEHICLE);
    const body = stateOfChargeEvent({ eventId: 'e-1', vehicleId: VEHICLE, percent: 50, at: h.clock.now() });
    expect((await deliver(h.app, body, 'not-the-management-token')).status).toBe(401);
    expect((await deliver(h.app, body, undefined)).status).toBe(401);
    // Signed correctly, then one byte changed: the raw bytes are what is checked.
    const good = await deliver(h.app, body, h.credentials.managementToken, {});
    expect(good.status).toBe(200);
    await h.db.deleteFrom('webhook_events').execute();
    await h.db.deleteFrom('signal_latest').execute();
    await h.db.deleteFrom('signal_history').execute();
    const signature = createHmac('sha256', h.credentials.managementToken).update(body).digest('hex');
    const altered = body.replace('"value":50', '"value":51');
    expect((await deliver(h.app, altered, undefined, { 'sc-signature': signature })).status).toBe(401);
    expect(await counts(h.db)).toEqual({ events: 0, latest: 0, history: 0 });
  });

  test('the same event delivered twice is applied once; the duplicate gets 200', async () => {
    h = await createDashboardHarness({ dialect });
    await holdVehicles(h.db, VEHICLE);
    const body = stateOfChargeEvent({ eventId: 'e-dup', vehicleId: VEHICLE, percent: 61, at: h.clock.now() });
    const first = await deliver(h.app, body, h.credentials.managementToken);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const before = await counts(h.db);
    expect(before).toEqual({ events: 1, latest: 1, history: 1 });

    // The same event again (Smartcar retries with a new deliveryId but the same eventId).
    const again = await deliver(h.app, body.replace('d-e-dup', 'd-e-dup-2'), h.credentials.managementToken);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await counts(h.db)).toEqual(before);
    expect(await latestSoc(h.db)).toEqual({ value: 61, at: h.clock.now() });
  });

  test('an older value delivered after a newer one does not win (but joins the history)', async () => {
    h = await createDashboardHarness({ dialect });
    await holdVehicles(h.db, VEHICLE);
    const t = h.clock.now();
    const token = h.credentials.managementToken;
    expect(
      (
        await deliver(
          h.app,
          stateOfChargeEvent({ eventId: 'new', vehicleId: VEHICLE, percent: 70, at: t }),
          token,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await deliver(
          h.app,
          stateOfChargeEvent({ eventId: 'old', vehicleId: VEHICLE, percent: 40, at: t - 60_000 }),
          token,
        )
      ).status,
    ).toBe(200);
    expect(await latestSoc(h.db)).toEqual({ value: 70, at: t });
    expect((await counts(h.db)).history).toBe(2);
  });

  test('a body that is signed but not a Smartcar event is 400, and nothing is stored', async () => {
    h = await createDashboardHarness({ dialect });
    await holdVehicles(h.db, VEHICLE);
    expect((await deliver(h.app, '{"hello":"world"}', h.credentials.managementToken)).status).toBe(400);
    expect((await deliver(h.app, 'not json', h.credentials.managementToken)).status).toBe(400);
    expect(await counts(h.db)).toEqual({ events: 0, latest: 0, history: 0 });
  });

  test('without a configured management token the endpoint is 404', async () => {
    h = await createDashboardHarness({ dialect, webhooks: false });
    const body = stateOfChargeEvent({ eventId: 'x', vehicleId: VEHICLE, percent: 1, at: h.clock.now() });
    expect((await deliver(h.app, body, h.credentials.managementToken)).status).toBe(404);
  });

  test('a failure after the commit (the process dying before it answers) loses nothing, and the redelivery is a no-op', async () => {
    const hub = createLiveHub();
    let failing = true;
    const published: VehicleChange[] = [];
    h = await createDashboardHarness({
      dialect,
      live: {
        ...hub,
        publish(change) {
          // Runs after the commit and before the 200.
          if (failing) throw new Error('crashed between commit and response');
          published.push(change);
        },
      },
    });
    await holdVehicles(h.db, VEHICLE);
    const body = stateOfChargeEvent({
      eventId: 'e-crash',
      vehicleId: VEHICLE,
      percent: 33,
      at: h.clock.now(),
    });
    const first = await deliver(h.app, body, h.credentials.managementToken);
    expect(first.status).toBe(500); // not acknowledged: Smartcar will deliver it again
    expect(await counts(h.db)).toEqual({ events: 1, latest: 1, history: 1 });

    failing = false;
    const redelivery = await deliver(h.app, body, h.credentials.managementToken);
    expect(redelivery.status).toBe(200);
    expect(await redelivery.json()).toEqual({ received: true, duplicate: true });
    expect(await counts(h.db)).toEqual({ events: 1, latest: 1, history: 1 });
    expect(published).toEqual([]);
  });

  test("the emulator's signed deliveries update the latest values and history: plug in, an hour passes, the charge rose", async () => {
    h = await createDashboardHarness({ dialect });
    await holdVehicles(h.db, VEHICLE);
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    await h.deliver();
    const bev = vehicleIds.find(Boolean)!;
    // Below any charge limit, so plugging in charges.
    await h.control(`/_emulator/vehicles/${bev}/signals/${SOC}`, { value: 40, unit: 'percent' }, 'PUT');
    // The vehicle page reads every signal once; webhooks do the rest.
    expect((await browser.get(`/vehicles/${bev}`)).status).toBe(200);
    const before = await latestSoc(h.db, bev);
    expect(before?.value).toBe(40);

    await h.control(`/_emulator/vehicles/${bev}/plug-in`, { powerKw: 11 });
    h.clock.advance(60 * 60 * 1000);
    await h.deliver(bev);
    const after = await latestSoc(h.db, bev);
    expect(after!.value).toBeGreaterThan(before!.value);
    const events = await h.db.selectFrom('webhook_events').select(['type']).execute();
    expect(events.every((e) => e.type === 'VEHICLE_STATE')).toBe(true);
    expect(events.length).toBeGreaterThan(0);
  });
});

describe.each(dialects)('concurrent writers on %s', (dialect) => {
  test('a page reading every signal while deliveries arrive (in another order) never deadlocks', async () => {
    const h = await createDashboardHarness({ dialect });
    try {
      const browser = await h.signedIn();
      const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
      const id = vehicleIds[0]!;
      await browser.get(`/vehicles/${id}`);
      const token = h.credentials.managementToken;
      const statuses: number[] = [];
      // Deliveries staggered across the read's transaction, each writing late codes first.
      const event = (n: number) => {
        const at = h.clock.now() + n;
        const signal = (code: string, group: string, name: string, body: unknown) => ({
          code,
          group,
          name,
          body,
          status: { value: 'SUCCESS' },
          meta: { oemUpdatedAt: at },
        });
        const body = JSON.parse(stateOfChargeEvent({ eventId: `race-${n}`, vehicleId: id, percent: 50, at }));
        body.data.signals = [
          signal('tractionbattery-stateofcharge', 'TractionBattery', 'StateOfCharge', {
            value: 50,
            unit: 'percent',
          }),
          signal('tractionbattery-range', 'TractionBattery', 'Range', { value: 300, unit: 'km' }),
          signal('odometer-traveleddistance', 'Odometer', 'TraveledDistance', {
            value: 1000 + n,
            unit: 'km',
          }),
          signal('closure-islocked', 'Closure', 'IsLocked', { value: n % 2 === 0 }),
          signal('charge-ischarging', 'Charge', 'IsCharging', { value: false }),
        ];
        return JSON.stringify(body);
      };
      let n = 0;
      for (let round = 0; round < 6; round++) {
        h.clock.advance(61_000);
        const results = await Promise.all([
          browser.submit(`/vehicles/${id}`, {}, `/vehicles/${id}/refresh`),
          ...[0, 5, 10, 20, 40].map(async (delay) => {
            await new Promise((r) => setTimeout(r, delay));
            return deliver(h.app, event(++n), token);
          }),
        ]);
        statuses.push(...results.map((r) => r.status));
      }
      expect(statuses).toEqual(Array.from({ length: 36 }, (_, i) => (i % 6 === 0 ? 303 : 200)));
    } finally {
      await h.close();
    }
  });
});
