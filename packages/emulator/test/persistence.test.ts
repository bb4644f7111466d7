import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vehicleStateEventSchema } from '@paddock/contract';
import {
  createEmulator,
  createManualClock,
  createStateWriter,
  generateDevelopmentCredentials,
  readStateFile,
  restoreState,
} from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { getToken, REDIRECT_URI } from './helpers/setup.js';
import {
  connectVehicle,
  createReceiver,
  createWebhook,
  scriptedSimulator,
  subscribeVia,
  webhookSetup,
} from './helpers/webhooks.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paddock-emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('--data: the state file', () => {
  it('keeps an undelivered event across a restart and delivers it afterwards with the same eventId', async () => {
    const path = join(dir, 'state.json');
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    await subscribeVia(t, token, { webhookId, userId, vehicleId });
    await t.emulator.webhooks.settle();
    t.rx.setBehaviour('fail');
    t.simulator.setSignal(vehicleId, 'tractionbattery-stateofcharge', { value: 5, unit: 'percent' });
    await t.emulator.runtime.tick();
    const failed = vehicleStateEventSchema.parse(t.rx.of('VEHICLE_STATE').at(-1)!.json);
    createStateWriter(path, t.emulator.runtime, silentLogger).flush();

    // A new process: same clock position, a receiver that is up again.
    const clock = createManualClock(t.clock.now());
    const rx = createReceiver(t.app.managementToken);
    const restarted = createEmulator({ clock, fetch: rx.fetch, simulator: t.simulator });
    restoreState(restarted, readStateFile(path));
    await restarted.runtime.tick();
    expect(rx.of('VEHICLE_STATE')).toHaveLength(0); // the retry is not due yet
    clock.advance(25_000);
    await restarted.runtime.tick();
    const [retry] = rx.of('VEHICLE_STATE');
    const event = vehicleStateEventSchema.parse(retry!.json);
    expect(event.eventId).toBe(failed.eventId);
    expect(event.meta.deliveryId).not.toBe(failed.meta.deliveryId);
    const events = (await (await restarted.fetch('/_emulator/events?filter[state]=delivered')).json()) as {
      data: { eventId: string; attempts: unknown[] }[];
    };
    expect(events.data.find((e) => e.eventId === failed.eventId)?.attempts).toHaveLength(2);
  });

  it('saves after changes once they settle, atomically and readable only by the owner', async () => {
    const path = join(dir, 'nested', 'state.json');
    let writer: ReturnType<typeof createStateWriter> | undefined;
    const app = generateDevelopmentCredentials([REDIRECT_URI]);
    const emulator = createEmulator({
      clock: createManualClock(),
      applications: [app],
      onChange: () => writer?.schedule(),
    });
    writer = createStateWriter(path, emulator.runtime, silentLogger, 10);
    await getToken({ fetch: emulator.fetch }, app);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const saved = readStateFile(path) as { tables: { tokens: unknown[]; applications: unknown[] } };
    expect(saved.tables.tokens).toHaveLength(1);
    expect(saved.tables.applications).toHaveLength(1);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
    expect(readFileSync(path, 'utf8')).not.toContain(app.clientSecret);
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
  });

  it('reports a file that is not JSON or not an export, naming the problem', () => {
    const path = join(dir, 'bad.json');
    expect(readStateFile(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(path, '{not json');
    expect(() => readStateFile(path)).toThrow(/bad\.json is not valid JSON/);
    const emulator = createEmulator({ simulator: scriptedSimulator() });
    expect(() => restoreState(emulator, { format: 'x' })).toThrow(TypeError);
  });

  it('replaces the stored application with the configured one under the same id', async () => {
    const path = join(dir, 'state.json');
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    createStateWriter(path, t.emulator.runtime, silentLogger).flush();

    const rotated = { ...t.app, clientSecret: 'a-new-secret', managementToken: 'a-new-management-token' };
    const rx = createReceiver(rotated.managementToken);
    const restarted = createEmulator({
      clock: createManualClock(),
      fetch: rx.fetch,
      simulator: scriptedSimulator(),
    });
    restoreState(restarted, readStateFile(path), rotated);
    const token = await getToken({ fetch: restarted.fetch }, rotated);
    const res = await restarted.fetch(`/v3/webhooks/${webhookId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const apps = (await (await restarted.fetch('/_emulator/applications')).json()) as { data: unknown[] };
    expect(apps.data).toHaveLength(1);
    // The reset baseline now holds the restored application.
    await restarted.fetch('/_emulator/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await getToken({ fetch: restarted.fetch }, rotated)).toEqual(expect.any(String));
  });
});
