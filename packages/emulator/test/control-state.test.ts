import { createEmulator, createManualClock } from '../src/index.js';
import { apiGet, getToken, ORIGIN } from './helpers/setup.js';
import {
  connectVehicle,
  control,
  createReceiver,
  createWebhook,
  subscribeVia,
  webhookSetup,
} from './helpers/webhooks.js';

describe('/_emulator/clock', () => {
  it('shows, freezes, advances, speeds up and resumes the emulator clock', async () => {
    const t = webhookSetup();
    const get = async () =>
      (await (await t.fetch('/_emulator/clock')).json()) as { now: number; frozen: boolean; speed: number };
    const start = (await get()).now;
    expect(await get()).toMatchObject({ frozen: false, speed: 1 });
    expect((await control(t, '/_emulator/clock', { action: 'freeze' })).status).toBe(200);
    t.clock.advance(10_000);
    expect((await get()).now).toBe(start);
    await control(t, '/_emulator/clock', { action: 'advance', ms: 3_600_000 });
    expect((await get()).now).toBe(start + 3_600_000);
    await control(t, '/_emulator/clock', { speed: 60 });
    await control(t, '/_emulator/clock', { action: 'resume' });
    t.clock.advance(1000);
    expect(await get()).toMatchObject({ now: start + 3_660_000, frozen: false, speed: 60 });
  });

  it('expires tokens on the controlled clock', async () => {
    const t = webhookSetup();
    const token = await getToken(t, t.app);
    expect((await apiGet(t, '/v3/webhooks', token)).status).toBe(200);
    await control(t, '/_emulator/clock', { action: 'advance', ms: 3_600_000 });
    expect((await apiGet(t, '/v3/webhooks', token)).status).toBe(401);
  });

  it('refuses bad actions and bodies that are not JSON', async () => {
    const t = webhookSetup();
    for (const body of [
      { action: 'rewind' },
      { action: 'advance', ms: -1 },
      { action: 'advance' },
      { speed: 0 },
      { speed: 1e9 },
    ]) {
      expect((await control(t, '/_emulator/clock', body)).status, JSON.stringify(body)).toBe(400);
    }
    const form = await t.fetch(`${ORIGIN}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"action":"freeze"}',
    });
    expect(form.status).toBe(400);
    expect(((await (await t.fetch('/_emulator/clock')).json()) as { frozen: boolean }).frozen).toBe(false);
  });
});

describe('/_emulator listings and outbox', () => {
  it('lists applications without secrets, users, connections, webhooks, events and deliveries', async () => {
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    await subscribeVia(t, token, { webhookId, userId, vehicleId });
    await t.emulator.webhooks.settle();

    const apps = await (await t.fetch('/_emulator/applications')).text();
    expect(apps).toContain(t.app.clientId);
    expect(apps).not.toContain(t.app.clientSecret);
    expect(apps).not.toContain(t.app.managementToken);
    const users = (await (await t.fetch('/_emulator/users')).json()) as { data: { id: string }[] };
    expect(users.data.map((u) => u.id)).toContain(userId);
    const connections = (await (await t.fetch('/_emulator/connections')).json()) as {
      data: { vehicleId: string }[];
    };
    expect(connections.data.map((c) => c.vehicleId)).toContain(vehicleId);

    const deliveries = (await (await t.fetch(`/_emulator/webhooks/${webhookId}/deliveries`)).json()) as {
      data: {
        eventType: string;
        state: string;
        attempts: { status: number; ok: boolean; deliveryId: string }[];
      }[];
    };
    expect(deliveries.data.map((e) => [e.eventType, e.state])).toEqual([
      ['VEHICLE_STATE', 'delivered'],
      ['VERIFY', 'delivered'],
    ]);
    expect(deliveries.data[0]!.attempts[0]).toMatchObject({ status: 204, ok: true });
    const events = (await (await t.fetch('/_emulator/events')).json()) as { meta: { totalCount: number } };
    expect(events.meta.totalCount).toBe(2);
    expect((await t.fetch('/_emulator/events?filter[state]=bogus')).status).toBe(400);
    expect((await t.fetch('/_emulator/webhooks/nope/deliveries')).status).toBe(404);
  });
});

describe('export, import, reset', () => {
  it('round-trips the whole state into a fresh emulator: tokens, webhooks, subscriptions, outbox, clock', async () => {
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    await subscribeVia(t, token, { webhookId, userId, vehicleId });
    await t.emulator.webhooks.settle();
    await control(t, '/_emulator/clock', { action: 'freeze' });
    const exported = await (await t.fetch('/_emulator/state')).json();

    const clock = createManualClock();
    const rx = createReceiver(t.app.managementToken);
    const copy = createEmulator({ clock, fetch: rx.fetch, simulator: t.simulator });
    const res = await copy.fetch(`${ORIGIN}/_emulator/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exported),
    });
    expect(res.status).toBe(200);
    expect(copy.clock.state()).toMatchObject({ frozen: true, now: t.emulator.clock.now() });
    const subs = await apiGet({ fetch: copy.fetch }, '/v3/subscriptions', token);
    expect(subs.status).toBe(200);
    expect(((await subs.json()) as { data: unknown[] }).data).toHaveLength(1);
    expect(await (await copy.fetch('/_emulator/state')).json()).toEqual(exported);
    // The client secret survives as its hash: the token endpoint still accepts it.
    expect(await getToken({ fetch: copy.fetch }, t.app)).toEqual(expect.any(String));
  });

  it('refuses an import that is not an export, leaving the state as it was', async () => {
    const t = webhookSetup();
    await createWebhook(t);
    const put = (body: unknown) => control(t, '/_emulator/state', body, 'PUT');
    for (const body of [[], { format: 'other' }, { format: 'paddock-emulator-state', version: 99 }]) {
      expect((await put(body)).status).toBe(400);
    }
    const good = (await (await t.fetch('/_emulator/state')).json()) as { tables: Record<string, unknown> };
    expect((await put({ ...good, tables: { ...good.tables, nonsense: [] } })).status).toBe(400);
    expect((await put({ ...good, tables: { ...good.tables, webhooks: [1] } })).status).toBe(400);
    const webhooks = (await (await t.fetch('/_emulator/webhooks')).json()) as { data: unknown[] };
    expect(webhooks.data).toHaveLength(1);
  });

  it('resets to the registered application and webhook, dropping everything else', async () => {
    const t = webhookSetup();
    t.emulator.registerWebhook({
      clientId: t.app.clientId,
      name: 'Dev',
      callbackUri: 'https://dev.test/hook',
      triggers: ['charge-ischarging'],
    });
    await createWebhook(t);
    await connectVehicle(t);
    await t.emulator.webhooks.settle();
    expect((await control(t, '/_emulator/reset')).status).toBe(200);
    await t.emulator.webhooks.settle();
    const webhooks = (await (await t.fetch('/_emulator/webhooks')).json()) as {
      data: { name: string; isEnabled: boolean }[];
    };
    expect(webhooks.data.map((w) => [w.name, w.isEnabled])).toEqual([['Dev', true]]);
    const connections = (await (await t.fetch('/_emulator/connections')).json()) as { data: unknown[] };
    expect(connections.data).toHaveLength(0);
    expect(await getToken(t, t.app)).toEqual(expect.any(String));
    const empty = await t.fetch(`${ORIGIN}/_emulator/reset`, { method: 'POST' });
    expect(empty.status).toBe(400);
  });
});
