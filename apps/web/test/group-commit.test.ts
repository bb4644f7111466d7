import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { listLatestSignals, type SignalValue } from '../src/features/signals/signals.repository.js';
import { createGroupCommit } from '../src/features/webhooks/group-commit.js';
import { findEvent } from '../src/features/webhooks/webhook-events.repository.js';
import { holdVehicles } from './support/held-vehicles.js';
import { createTestDatabase, dialects } from './support/test-database.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const SOC = 'tractionbattery-stateofcharge';

const event = (eventId: string) => ({ eventId, type: 'VEHICLE_STATE', rawBody: '{}', receivedAt: T0 });
const soc = (vehicleId: string, value: number, at = T0): SignalValue => ({
  vehicleId,
  code: SOC,
  status: 'SUCCESS',
  body: { value, unit: 'percent' },
  oemUpdatedAt: at,
  receivedAt: at,
});

describe.each(dialects)('group commit on %s', (dialect) => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    const ids = Array.from({ length: 20 }, (_, i) => `v${i}`);
    await holdVehicles(db, ...ids, 'v', 'v-bad');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.destroy();
  });

  test('events stored together share one transaction, and each resolves with its own result after the commit', async () => {
    const transactions = vi.spyOn(db, 'transaction');
    const events = createGroupCommit(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => events.store(event(`e${i}`), [soc(`v${i}`, i)])),
    );
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(results).toEqual(
      Array.from({ length: 20 }, () => ({ duplicate: false, updatedCodes: [SOC], problemsChanged: false })),
    );
    for (let i = 0; i < 20; i++) {
      expect(await findEvent(db, `e${i}`)).toBeDefined();
      expect(JSON.parse((await listLatestSignals(db, `v${i}`))[0]!.body!).value).toBe(i);
    }
    // A redelivery later is a duplicate.
    expect(await events.store(event('e3'), [soc('v3', 99, T0 + 1)])).toEqual({
      duplicate: true,
      updatedCodes: [],
      problemsChanged: false,
    });
  });

  test('a batch larger than the limit is split; arrivals during a commit go in the next one', async () => {
    const transactions = vi.spyOn(db, 'transaction');
    const events = createGroupCommit(db, 4);
    const first = Array.from({ length: 10 }, (_, i) => events.store(event(`a${i}`), [soc('v', i, T0 + i)]));
    await first[0];
    const second = events.store(event('late'), [soc('v', 50, T0 + 100)]);
    await Promise.all([...first, second]);
    // Ten events four at a time take three transactions at least; the late one joins a later one.
    expect(transactions.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(await db.selectFrom('webhook_events').selectAll().execute()).toHaveLength(11);
    expect(JSON.parse((await listLatestSignals(db, 'v'))[0]!.body!).value).toBe(50);
  });

  test('an event that cannot be stored fails alone; the others of its batch are stored', async () => {
    const events = createGroupCommit(db);
    const broken = { ...soc('v-bad', 1), status: null as unknown as string };
    const outcomes = await Promise.allSettled([
      events.store(event('good-1'), [soc('v1', 10)]),
      events.store(event('bad'), [broken]),
      events.store(event('good-2'), [soc('v2', 20)]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await findEvent(db, 'good-1')).toBeDefined();
    expect(await findEvent(db, 'good-2')).toBeDefined();
    expect(await findEvent(db, 'bad')).toBeUndefined();
    // Smartcar's retry of the failed event is then new.
    expect((await events.store(event('bad'), [soc('v-bad', 1)])).duplicate).toBe(false);
  });
});
