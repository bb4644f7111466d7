import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLiveHub } from '../src/features/live/live-hub.js';
import { findEvent } from '../src/features/webhooks/webhook-events.repository.js';
import { createDashboardHarness } from './support/dashboard-harness.js';
import { holdVehicles } from './support/held-vehicles.js';
import { deliver, stateOfChargeEvent } from './support/webhook-events.js';

// A restart is a new app (new pool, new process state) on the same SQLite file.
describe('webhooks across a restart (SQLite file)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'paddock-restart-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('an acknowledged event is still there after a restart, and its redelivery changes nothing', async () => {
    const file = join(dir, 'paddock.db');
    const first = await createDashboardHarness({ sqliteFile: file });
    await holdVehicles(first.db, 'v-1');
    const body = stateOfChargeEvent({
      eventId: 'e-ack',
      vehicleId: 'v-1',
      percent: 58,
      at: first.clock.now(),
    });
    const token = first.credentials.managementToken;
    expect((await deliver(first.app, body, token)).status).toBe(200);
    await first.close();

    const second = await createDashboardHarness({ sqliteFile: file, reuse: first });
    try {
      expect(await findEvent(second.db, 'e-ack')).toMatchObject({
        event_id: 'e-ack',
        type: 'VEHICLE_STATE',
        body,
      });
      const history = () => second.db.selectFrom('signal_history').selectAll().execute();
      expect(await history()).toHaveLength(1);
      const redelivery = await deliver(second.app, body, token);
      expect(redelivery.status).toBe(200);
      expect(await redelivery.json()).toEqual({ received: true, duplicate: true });
      expect(await history()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  test('killed after the commit but before the answer: the restarted app has the event, and the redelivery is a no-op', async () => {
    const file = join(dir, 'paddock.db');
    const hub = createLiveHub();
    // publish runs after the commit and before the 200: throwing there is the process dying at that point.
    const first = await createDashboardHarness({
      sqliteFile: file,
      live: {
        ...hub,
        publish() {
          throw new Error('killed');
        },
      },
    });
    await holdVehicles(first.db, 'v-1');
    const body = stateOfChargeEvent({
      eventId: 'e-killed',
      vehicleId: 'v-1',
      percent: 44,
      at: first.clock.now(),
    });
    const token = first.credentials.managementToken;
    expect((await deliver(first.app, body, token)).status).toBe(500);
    await first.close();

    const second = await createDashboardHarness({ sqliteFile: file, reuse: first });
    try {
      expect(await findEvent(second.db, 'e-killed')).toBeDefined();
      const latest = await second.db.selectFrom('signal_latest').selectAll().execute();
      expect(latest.map((r) => JSON.parse(r.body!).value)).toEqual([44]);
      const redelivery = await deliver(second.app, body, token);
      expect(redelivery.status).toBe(200);
      expect(await redelivery.json()).toEqual({ received: true, duplicate: true });
      expect(await second.db.selectFrom('signal_history').selectAll().execute()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
