import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { pruneOldData, startRetention } from '../src/features/retention/retention.js';
import { holdVehicles } from './support/held-vehicles.js';
import { createTestDatabase, dialects } from './support/test-database.js';

const NOW = Date.UTC(2026, 10, 28, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

describe.each(dialects)('retention on %s', (dialect) => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await db.destroy();
  });

  async function seed() {
    await db
      .insertInto('webhook_events')
      .values(
        [8, 7.5, 6, 0].map((days, i) => ({
          event_id: `e${i}`,
          type: 'VEHICLE_STATE',
          body: '{}',
          received_at: NOW - days * DAY,
        })),
      )
      .execute();
    await db
      .insertInto('signal_history')
      .values(
        [31, 30.5, 29, 1].map((days) => ({
          vehicle_id: 'v1',
          code: 'tractionbattery-stateofcharge',
          oem_updated_at: NOW - days * DAY,
          value_number: 50,
          body: null,
          received_at: NOW,
        })),
      )
      .execute();
    await db
      .insertInto('refresh_claims')
      .values([
        { vehicle_id: 'old', claimed_at: NOW - 2 * DAY },
        { vehicle_id: 'new', claimed_at: NOW - 10_000 },
      ])
      .execute();
  }

  const eventIds = async () =>
    (await db.selectFrom('webhook_events').select('event_id').orderBy('event_id').execute()).map(
      (r) => r.event_id,
    );
  const historyAges = async () =>
    (await db.selectFrom('signal_history').select('oem_updated_at').orderBy('oem_updated_at').execute()).map(
      (r) => (NOW - r.oem_updated_at) / DAY,
    );

  test('webhook events older than 7 days and history older than 30 days are deleted; younger rows stay', async () => {
    await seed();
    expect(await pruneOldData(db, NOW)).toEqual({
      webhookEvents: 2,
      signalHistory: 2,
      refreshClaims: 1,
      vehicleProblems: 0,
    });
    expect(await eventIds()).toEqual(['e2', 'e3']);
    expect(await historyAges()).toEqual([29, 1]);
    expect(await db.selectFrom('refresh_claims').select('vehicle_id').execute()).toEqual([
      { vehicle_id: 'new' },
    ]);
    expect(await pruneOldData(db, NOW)).toEqual({
      webhookEvents: 0,
      signalHistory: 0,
      refreshClaims: 0,
      vehicleProblems: 0,
    });
  });

  test('vehicle problems not reported again in 30 days, or of a connection no longer held, are deleted', async () => {
    await holdVehicles(db, 'held');
    const problem = (vehicleId: string, smartcarUserId: string, days: number) => ({
      vehicle_id: vehicleId,
      smartcar_user_id: smartcarUserId,
      type: 'VEHICLE_STATE',
      code: `AGE_${days}`,
      description: null,
      suggested_user_message: null,
      resolution_type: null,
      signal_codes: '[]',
      event_id: `e-${vehicleId}-${smartcarUserId}-${days}`,
      reported_at: NOW - days * DAY,
    });
    await db
      .insertInto('vehicle_errors')
      .values([
        problem('held', 'user-1', 31),
        problem('held', 'user-1', 29),
        // The vehicle is held, but through another Smartcar user.
        problem('held', 'someone-else', 1),
        problem('unheld', 'user-1', 1),
      ])
      .execute();
    expect((await pruneOldData(db, NOW)).vehicleProblems).toBe(3);
    expect(
      await db.selectFrom('vehicle_errors').select(['vehicle_id', 'smartcar_user_id', 'code']).execute(),
    ).toEqual([{ vehicle_id: 'held', smartcar_user_id: 'user-1', code: 'AGE_29' }]);
  });

  test('the job prunes at start and then on its interval, on the injected clock, until stopped', async () => {
    await seed();
    let now = NOW;
    const logged: object[] = [];
    const logger = { debug() {}, info: (o: object) => logged.push(o), warn() {}, error() {} };
    const stop = startRetention({ db, clock: { now: () => now }, logger, intervalMs: 20 });
    await vi.waitFor(async () => expect(await eventIds()).toEqual(['e2', 'e3']));
    now += 2 * DAY;
    await vi.waitFor(async () => expect(await eventIds()).toEqual(['e3']));
    expect(await historyAges()).toEqual([1]);
    await stop();
    const runs = logged.length;
    now += 30 * DAY;
    await new Promise((r) => setTimeout(r, 60));
    expect(logged.length).toBe(runs);
    expect(await eventIds()).toEqual(['e3']);
  });
});
