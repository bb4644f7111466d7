import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { inTransaction } from '../src/db/transaction.js';
import {
  completeCommand,
  insertCommand,
  listCommands,
} from '../src/features/commands/command-log.repository.js';
import {
  appendSignalHistories,
  appendSignalHistory,
  listLatestSignals,
  listSignalHistory,
  type SignalValue,
  upsertLatestSignal,
  upsertLatestSignals,
} from '../src/features/signals/signals.repository.js';
import {
  findAccountVehicle,
  heldVehicleIds,
  listAccountVehicles,
  markVehicleDisconnected,
  upsertVehicle,
} from '../src/features/vehicles/vehicles.repository.js';
import { storeWebhookEvent, storeWebhookEvents } from '../src/features/webhooks/store-webhook-event.js';
import { findEvent, insertEventOnce } from '../src/features/webhooks/webhook-events.repository.js';
import { holdVehicles } from './support/held-vehicles.js';
import { createTestDatabase, dialects } from './support/test-database.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const MINUTE = 60_000;
const SOC = 'tractionbattery-stateofcharge';
const LOCATION = 'location-preciselocation';

const soc = (value: number, at: number, vehicleId = 'v1'): SignalValue => ({
  vehicleId,
  code: SOC,
  status: 'SUCCESS',
  body: { value, unit: 'percent' },
  oemUpdatedAt: at,
  receivedAt: at + 500,
});

describe.each(dialects)('vehicle data on %s', (dialect) => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    for (const id of ['a1', 'a2'])
      await db
        .insertInto('accounts')
        .values({ id, email: `${id}@example.com`, password_hash: 'x', created_at: T0 })
        .execute();
  });
  afterEach(async () => {
    await db.destroy();
  });

  describe('vehicles', () => {
    const car = {
      accountId: 'a1',
      vehicleId: 'v1',
      smartcarUserId: 'u1',
      make: 'TESLA',
      model: 'Model 3',
      year: 2022,
    };

    test('one row per account and vehicle: connecting again refreshes it and keeps connected_at', async () => {
      expect(await upsertVehicle(db, car, T0)).toBe(true);
      expect(
        await upsertVehicle(db, { ...car, model: 'Model 3 Performance', powertrain: 'BEV' }, T0 + MINUTE),
      ).toBe(false);
      expect(await listAccountVehicles(db, 'a1')).toEqual([
        {
          account_id: 'a1',
          vehicle_id: 'v1',
          smartcar_user_id: 'u1',
          make: 'TESLA',
          model: 'Model 3 Performance',
          year: 2022,
          powertrain: 'BEV',
          connected_at: T0,
          disconnected_at: null,
        },
      ]);
      // Another account may hold the same vehicle.
      expect(await upsertVehicle(db, { ...car, accountId: 'a2' }, T0)).toBe(true);
      expect(await listAccountVehicles(db, 'a2')).toHaveLength(1);
      expect(await heldVehicleIds(db, ['v1', 'v-unknown'])).toEqual(new Set(['v1']));
    });

    test('a disconnected vehicle is hidden until it is connected again', async () => {
      await upsertVehicle(db, car, T0);
      expect(await markVehicleDisconnected(db, 'a1', 'v1', T0 + MINUTE)).toBe(true);
      expect(await markVehicleDisconnected(db, 'a1', 'v1', T0 + 2 * MINUTE)).toBe(false);
      expect(await listAccountVehicles(db, 'a1')).toEqual([]);
      expect(await heldVehicleIds(db, ['v1'])).toEqual(new Set());
      expect((await findAccountVehicle(db, 'a1', 'v1'))?.disconnected_at).toBe(T0 + MINUTE);
      expect(await listAccountVehicles(db, 'a1', { includeDisconnected: true })).toHaveLength(1);

      expect(await upsertVehicle(db, car, T0 + 3 * MINUTE)).toBe(false);
      expect((await findAccountVehicle(db, 'a1', 'v1'))?.disconnected_at).toBeNull();
    });

    test('deleting an account deletes its vehicles and commands', async () => {
      await upsertVehicle(db, car, T0);
      await insertCommand(db, { id: 'c1', accountId: 'a1', vehicleId: 'v1', command: 'lock', createdAt: T0 });
      await db.deleteFrom('accounts').where('id', '=', 'a1').execute();
      expect(await db.selectFrom('vehicles').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('command_log').selectAll().execute()).toEqual([]);
    });
  });

  describe('latest signal values', () => {
    test('a newer value replaces the stored one; an older or equally old one does not', async () => {
      expect(await upsertLatestSignal(db, soc(50, T0))).toBe(true);
      expect(await upsertLatestSignal(db, soc(60, T0 + MINUTE))).toBe(true);
      expect(await upsertLatestSignal(db, soc(55, T0 + 30_000))).toBe(false); // out of order
      expect(await upsertLatestSignal(db, soc(61, T0 + MINUTE))).toBe(false); // same instant
      expect(await listLatestSignals(db, 'v1')).toEqual([
        {
          vehicle_id: 'v1',
          code: SOC,
          status: 'SUCCESS',
          body: JSON.stringify({ value: 60, unit: 'percent' }),
          oem_updated_at: T0 + MINUTE,
          received_at: T0 + MINUTE + 500,
        },
      ]);
    });

    test('an ERROR value is stored as the latest with its error, not hidden', async () => {
      await upsertLatestSignal(db, soc(50, T0));
      const error = { type: 'VEHICLE_STATE', code: 'ASLEEP' };
      expect(await upsertLatestSignal(db, { ...soc(0, T0 + MINUTE), status: 'ERROR', body: error })).toBe(
        true,
      );
      const [row] = await listLatestSignals(db, 'v1');
      expect(row?.status).toBe('ERROR');
      expect(JSON.parse(row!.body!)).toEqual(error);
    });
  });

  describe('many values at once', () => {
    test('of several values for one signal the newest wins, the first of equally new ones; each vehicle apart', async () => {
      await upsertLatestSignal(db, soc(45, T0 + 2 * MINUTE, 'v2'));
      const values = [soc(50, T0 + MINUTE), soc(40, T0), soc(51, T0 + MINUTE), soc(30, T0, 'v2')];
      const stored = await upsertLatestSignals(db, values);
      expect(stored).toEqual([values[0]]);
      expect(JSON.parse((await listLatestSignals(db, 'v1'))[0]!.body!).value).toBe(50);
      expect(JSON.parse((await listLatestSignals(db, 'v2'))[0]!.body!).value).toBe(45);
    });

    test('history beyond one statement: every instant is kept once', async () => {
      const values = Array.from({ length: 1_200 }, (_, i) => soc(i % 100, T0 + i * 1_000));
      expect(await appendSignalHistories(db, [...values, values[0]!])).toBe(1_200);
      expect(await appendSignalHistories(db, values.slice(0, 10))).toBe(0);
      expect(await listSignalHistory(db, 'v1', SOC, { since: 0, limit: 5_000 })).toHaveLength(1_200);
    });
  });

  describe('signal history', () => {
    test('past the limit, the newest values are the ones kept, still oldest first', async () => {
      const values = Array.from({ length: 1_200 }, (_, i) => soc(i % 100, T0 + i * 1_000));
      await appendSignalHistories(db, values);
      const history = await listSignalHistory(db, 'v1', SOC, { since: 0 });
      expect(history).toHaveLength(1_000);
      expect(history[0]!.oem_updated_at).toBe(T0 + 200 * 1_000);
      expect(history.at(-1)!.oem_updated_at).toBe(T0 + 1_199 * 1_000);
      const times = history.map((r) => r.oem_updated_at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    test('numbers are kept as numbers, other bodies as JSON; one row per instant; errors are not history', async () => {
      expect(await appendSignalHistory(db, soc(50.5, T0))).toBe(true);
      expect(await appendSignalHistory(db, soc(50.5, T0))).toBe(false);
      expect(await appendSignalHistory(db, soc(52, T0 + 2 * MINUTE))).toBe(true);
      expect(await appendSignalHistory(db, { ...soc(0, T0 + 3 * MINUTE), status: 'UNAVAILABLE' })).toBe(
        false,
      );
      const where = { latitude: 52.52, longitude: 13.405, heading: 90 };
      await appendSignalHistory(db, { ...soc(0, T0), code: LOCATION, body: where });

      const history = await listSignalHistory(db, 'v1', SOC, { since: T0 });
      expect(history.map((r) => [r.oem_updated_at, r.value_number, r.body])).toEqual([
        [T0, 50.5, null],
        [T0 + 2 * MINUTE, 52, null],
      ]);
      expect(await listSignalHistory(db, 'v1', SOC, { since: T0 + MINUTE })).toHaveLength(1);
      expect(await listSignalHistory(db, 'v1', SOC, { since: T0, until: T0 + MINUTE })).toHaveLength(1);
      expect(await listSignalHistory(db, 'v1', SOC, { since: T0, limit: 1 })).toHaveLength(1);
      const [track] = await listSignalHistory(db, 'v1', LOCATION, { since: 0 });
      expect(track?.value_number).toBeNull();
      expect(JSON.parse(track!.body!)).toEqual(where);
    });
  });

  describe('webhook events', () => {
    beforeEach(async () => {
      await holdVehicles(db, 'v1', 'v2');
    });
    const event = (eventId: string, at = T0) => ({
      eventId,
      type: 'VEHICLE_STATE',
      rawBody: `{"eventId":"${eventId}","eventType":"VEHICLE_STATE"}`,
      receivedAt: at,
    });

    test('an event is stored once by its eventId, raw body and all', async () => {
      expect(await insertEventOnce(db, event('e1'))).toBe(true);
      expect(await insertEventOnce(db, { ...event('e1'), rawBody: 'something else' })).toBe(false);
      expect(await findEvent(db, 'e1')).toEqual({
        event_id: 'e1',
        type: 'VEHICLE_STATE',
        body: event('e1').rawBody,
        received_at: T0,
      });
    });

    test('the same event delivered twice is applied once', async () => {
      expect(await storeWebhookEvent(db, event('e1'), [soc(50, T0)])).toEqual({
        duplicate: false,
        updatedCodes: [SOC],
        problemsChanged: false,
      });
      // A replay whose values differ (it should not, but it must change nothing).
      expect(await storeWebhookEvent(db, event('e1'), [soc(99, T0 + MINUTE)])).toEqual({
        duplicate: true,
        updatedCodes: [],
        problemsChanged: false,
      });
      expect(JSON.parse((await listLatestSignals(db, 'v1'))[0]!.body!).value).toBe(50);
      expect(await listSignalHistory(db, 'v1', SOC, { since: 0 })).toHaveLength(1);
    });

    test('an older value delivered after a newer one does not win, but joins the history', async () => {
      await storeWebhookEvent(db, event('newer'), [soc(70, T0 + 10 * MINUTE)]);
      const late = await storeWebhookEvent(db, event('older'), [soc(40, T0)]);
      expect(late).toEqual({ duplicate: false, updatedCodes: [], problemsChanged: false });
      expect(JSON.parse((await listLatestSignals(db, 'v1'))[0]!.body!).value).toBe(70);
      expect((await listSignalHistory(db, 'v1', SOC, { since: 0 })).map((r) => r.value_number)).toEqual([
        40, 70,
      ]);
    });

    test('a failure part-way stores nothing: not the event, not a value', async () => {
      const broken = { ...soc(10, T0 + MINUTE), status: null as unknown as string };
      await expect(storeWebhookEvent(db, event('e2'), [soc(20, T0), broken])).rejects.toThrow();
      expect(await findEvent(db, 'e2')).toBeUndefined();
      expect(await listLatestSignals(db, 'v1')).toEqual([]);
      expect(await listSignalHistory(db, 'v1', SOC, { since: 0 })).toEqual([]);
      // The same event delivered again (Smartcar retries) is then new and applied.
      expect((await storeWebhookEvent(db, event('e2'), [soc(20, T0)])).duplicate).toBe(false);
    });

    test('several events in one transaction end as if stored one by one', async () => {
      await storeWebhookEvent(db, event('before'), [soc(45, T0 + 30_000)]);
      const results = await storeWebhookEvents(db, [
        { event: event('before'), signals: [soc(99, T0 + 9 * MINUTE)] },
        { event: event('e1'), signals: [soc(50, T0 + MINUTE)] },
        { event: event('older'), signals: [soc(40, T0)] },
        { event: event('e1'), signals: [soc(98, T0 + 8 * MINUTE)] },
        { event: event('same-instant'), signals: [soc(60, T0 + MINUTE)] },
      ]);
      expect(results).toEqual([
        { duplicate: true, updatedCodes: [], problemsChanged: false },
        { duplicate: false, updatedCodes: [SOC], problemsChanged: false },
        { duplicate: false, updatedCodes: [], problemsChanged: false },
        { duplicate: true, updatedCodes: [], problemsChanged: false },
        { duplicate: false, updatedCodes: [], problemsChanged: false },
      ]);
      expect(JSON.parse((await listLatestSignals(db, 'v1'))[0]!.body!).value).toBe(50);
      expect((await listSignalHistory(db, 'v1', SOC, { since: 0 })).map((r) => r.value_number)).toEqual([
        40, 45, 50,
      ]);
      expect(await db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(4);
    });

    test('two deliveries of one event racing: exactly one is new', async () => {
      const results = await Promise.all([
        storeWebhookEvent(db, event('race'), [soc(1, T0)]),
        storeWebhookEvent(db, event('race'), [soc(1, T0)]),
      ]);
      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
      expect(await db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(1);
    });
  });

  describe('command log', () => {
    test('a command is PENDING until completed once; the log lists newest first', async () => {
      await insertCommand(db, {
        id: 'c1',
        accountId: 'a1',
        vehicleId: 'v1',
        command: 'set-charge-limit',
        parameters: { limit: 0.8 },
        createdAt: T0,
      });
      await insertCommand(db, {
        id: 'c2',
        accountId: 'a1',
        vehicleId: 'v1',
        command: 'lock',
        createdAt: T0 + MINUTE,
      });
      expect(
        await completeCommand(
          db,
          'c1',
          {
            status: 'FAILED',
            errorType: 'VEHICLE_STATE',
            errorCode: 'CHARGING_PLUG_NOT_CONNECTED',
            errorMessage: 'Plug in the vehicle first.',
            requestId: 'req-1',
          },
          T0 + 5_000,
        ),
      ).toBe(true);
      expect(await completeCommand(db, 'c1', { status: 'SUCCEEDED' }, T0 + 6_000)).toBe(false);
      expect(await completeCommand(db, 'nope', { status: 'SUCCEEDED' }, T0)).toBe(false);

      const log = await listCommands(db, 'a1', 'v1');
      expect(log.map((c) => [c.id, c.status])).toEqual([
        ['c2', 'PENDING'],
        ['c1', 'FAILED'],
      ]);
      expect(log[1]).toMatchObject({
        parameters: JSON.stringify({ limit: 0.8 }),
        error_type: 'VEHICLE_STATE',
        error_code: 'CHARGING_PLUG_NOT_CONNECTED',
        error_message: 'Plug in the vehicle first.',
        request_id: 'req-1',
        completed_at: T0 + 5_000,
      });
      expect(await listCommands(db, 'a2', 'v1')).toEqual([]);
    });
  });

  test('inTransaction commits together or not at all', async () => {
    await expect(
      inTransaction(db, async (trx) => {
        await upsertLatestSignal(trx, soc(10, T0));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await listLatestSignals(db, 'v1')).toEqual([]);
    expect(await inTransaction(db, (trx) => upsertLatestSignal(trx, soc(10, T0)))).toBe(true);
  });
});
