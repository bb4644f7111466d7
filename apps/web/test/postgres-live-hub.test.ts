import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../src/db/tables.js';
import type { VehicleChange } from '../src/features/live/live-hub.js';
import { createPostgresLiveHub, type PostgresLiveHub } from '../src/features/live/postgres-live-hub.js';
import { silentLogger } from '../src/logger.js';
import { eventually } from './support/dashboard-harness.js';
import { createTestDatabase, TEST_DATABASE_URL } from './support/test-database.js';

// Two hubs on two pools of one schema stand for two app instances on one database.
describe.skipIf(!TEST_DATABASE_URL)('live updates across instances on PostgreSQL', () => {
  const open: { hub: PostgresLiveHub; db: Kysely<Database> }[] = [];
  // A hub closes once every listener has stopped (as open pages' streams do).
  const stops: (() => void)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    for (const { hub, db } of open.splice(0)) {
      await hub.close();
      await db.destroy();
    }
  });

  async function instance(reconnectMs = 1_000) {
    const db = await createTestDatabase('postgres');
    const hub = await createPostgresLiveHub({
      db,
      url: TEST_DATABASE_URL!,
      logger: silentLogger,
      reconnectMs,
    });
    open.push({ hub, db });
    const heard: VehicleChange[] = [];
    stops.push(hub.subscribe('v-1', (change) => heard.push(change)));
    return { hub, db, heard };
  }

  const change: VehicleChange = {
    vehicleId: 'v-1',
    kind: 'signals',
    codes: ['tractionbattery-stateofcharge'],
  };

  test('a change published on one instance reaches the pages of another, and its own once', async () => {
    const a = await instance();
    const b = await instance();
    expect(a.hub.channel).toBe(b.hub.channel);
    const other: VehicleChange[] = [];
    stops.push(b.hub.subscribe('v-2', (c) => other.push(c)));

    a.hub.publish(change);
    expect(a.heard).toEqual([change]);
    await eventually(() => b.heard.length === 1, "the other instance's listener");
    expect(b.heard).toEqual([change]);
    // The notice comes back to its sender too; it is not delivered twice.
    await new Promise((r) => setTimeout(r, 100));
    expect(a.heard).toHaveLength(1);
    expect(other).toEqual([]);
  });

  test('an instance whose listening connection is lost listens again, has its pages read again, and hears later changes', async () => {
    const a = await instance();
    const b = await instance(50);
    const pids = async () =>
      (
        await sql<{
          pid: number;
        }>`select pid from pg_stat_activity where query = ${`LISTEN ${b.hub.channel}`}`.execute(a.db)
      ).rows.map((r) => r.pid);
    // Both instances listen on the channel; end both connections, as a database restart would.
    const before = await pids();
    expect(before).toHaveLength(2);
    for (const pid of before) await sql`select pg_terminate_backend(${pid})`.execute(a.db);
    await eventually(async () => {
      const now = await pids();
      return now.length === 2 && now.every((pid) => !before.includes(pid));
    }, 'both listening again on new connections');
    // What was notified during the gap is lost: each instance's open pages are told to read everything again.
    const resync: VehicleChange = { vehicleId: 'v-1', kind: 'resync' };
    await eventually(() => a.heard.length === 1 && b.heard.length === 1, 'a resync on each instance');
    expect(a.heard).toEqual([resync]);
    expect(b.heard).toEqual([resync]);
    a.hub.publish(change);
    await eventually(() => b.heard.length === 2, 'the change after the reconnection');
    expect(b.heard[1]).toEqual(change);
  });

  test('closing ends the listening connection', async () => {
    const a = await instance();
    const listening = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from pg_stat_activity where query = ${`LISTEN ${a.hub.channel}`}`.execute(
          a.db,
        )
      ).rows[0]?.n;
    expect(await listening()).toBe(1);
    for (const stop of stops.splice(0)) stop();
    await open[0]!.hub.close();
    await eventually(async () => (await listening()) === 0, 'the connection closed');
  });
});
