import { timingSafeEqual } from 'node:crypto';
import { vehicleStateEventSchema } from '@paddock/contract';
import {
  connectVehicle,
  createWebhook,
  hmac,
  subscribeVia,
  type WebhookTest,
  webhookSetup,
} from './helpers/webhooks.js';

async function subscribed(t: WebhookTest, webhook: Record<string, unknown> = {}) {
  const webhookId = await createWebhook(t, webhook);
  const { userId, vehicleId, token } = await connectVehicle(t);
  const res = await subscribeVia(t, token, { webhookId, userId, vehicleId });
  expect(res.status).toBe(202);
  await t.emulator.webhooks.settle();
  return { webhookId, userId, vehicleId, token };
}

const states = (t: WebhookTest) => t.rx.of('VEHICLE_STATE');

describe('VEHICLE_STATE delivery', () => {
  it('sends exactly one signed delivery when a trigger signal changes', async () => {
    const t = webhookSetup();
    const { vehicleId, webhookId } = await subscribed(t);
    expect(states(t)).toHaveLength(1); // FIRST_DELIVERY

    t.emulator.webhooks.checkTriggers();
    expect(states(t)).toHaveLength(1); // nothing changed

    t.simulator.setSignal(vehicleId, 'tractionbattery-stateofcharge', { value: 51, unit: 'percent' });
    await t.emulator.runtime.tick();
    await t.emulator.runtime.tick();
    expect(states(t)).toHaveLength(2);

    const delivery = states(t)[1]!;
    const signature = delivery.headers.get('sc-signature')!;
    const expected = hmac(t.app.managementToken, delivery.body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);

    const event = vehicleStateEventSchema.parse(delivery.json);
    expect(event.triggers).toEqual([
      {
        type: 'SIGNAL_UPDATED',
        signal: { group: 'TractionBattery', name: 'StateOfCharge', code: 'tractionbattery-stateofcharge' },
      },
    ]);
    expect(event.data.vehicle.id).toBe(vehicleId);
    expect(event.data.signals.map((s) => s.code)).toEqual([
      'charge-ischarging',
      'tractionbattery-stateofcharge',
    ]);
    expect(event.data.signals[1]!.body).toEqual({ value: 51, unit: 'percent' });
    expect(event.meta).toMatchObject({
      version: '4.0',
      applicationId: ((await (await t.fetch('/_emulator/applications')).json()) as { data: { id: string }[] })
        .data[0]!.id,
      webhookId,
      webhookName: 'Battery updates',
      mode: 'LIVE',
      sequence: 2,
      signalCount: 2,
    });
    expect(typeof event.meta.deliveredAt).toBe('number');
  });

  it('does not fire for a data-only signal, and fires FIRST_DELIVERY on subscribe', async () => {
    const t = webhookSetup();
    const { vehicleId } = await subscribed(t);
    const first = vehicleStateEventSchema.parse(states(t)[0]!.json);
    expect(first.triggers).toEqual([{ type: 'FIRST_DELIVERY' }]);
    t.simulator.setSignal(vehicleId, 'charge-ischarging', { value: true });
    await t.emulator.runtime.tick();
    expect(states(t)).toHaveLength(1);
  });

  it('waits for VERIFY before the first delivery, then sends it', async () => {
    const t = webhookSetup();
    t.rx.setBehaviour('fail');
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    expect((await subscribeVia(t, token, { webhookId, userId, vehicleId })).status).toBe(202);
    await t.emulator.runtime.tick();
    expect(states(t)).toHaveLength(0);
    t.rx.setBehaviour('verify');
    t.emulator.webhooks.verify(webhookId);
    await t.emulator.webhooks.settle();
    expect(states(t)).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a failing receiver 25, 50 and 100 s apart on the emulator clock, then drops the event', async () => {
    const t = webhookSetup();
    await subscribed(t);
    const start = t.emulator.clock.now();
    t.rx.setBehaviour('fail');
    const { vehicleId } = (await (await t.fetch('/_emulator/connections')).json()).data[0] as {
      vehicleId: string;
    };
    t.simulator.setSignal(vehicleId, 'tractionbattery-stateofcharge', { value: 10, unit: 'percent' });
    await t.emulator.runtime.tick();
    const failing = () => states(t).slice(1);
    expect(failing()).toHaveLength(1);

    const steps = [25_000, 50_000, 100_000];
    for (const step of steps) {
      t.clock.advance(step - 1);
      await t.emulator.runtime.tick();
      const before = failing().length;
      t.clock.advance(1);
      await t.emulator.runtime.tick();
      expect(failing()).toHaveLength(before + 1);
    }
    t.clock.advance(3_600_000);
    await t.emulator.runtime.tick();
    expect(failing()).toHaveLength(4);

    const attempts = failing().map((r) => vehicleStateEventSchema.parse(r.json));
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.meta.deliveryId)).size).toBe(4);
    expect(attempts.map((a) => Number(a.meta.deliveredAt) - start)).toEqual([0, 25_000, 75_000, 175_000]);
    for (const r of failing())
      expect(r.headers.get('sc-signature')).toBe(hmac(t.app.managementToken, r.body));

    const events = (await (await t.fetch(`/_emulator/events?filter[state]=dropped`)).json()) as {
      data: { eventId: string; attempts: { status: number; responseExcerpt: string; ok: boolean }[] }[];
    };
    expect(events.data).toHaveLength(1);
    expect(events.data[0]!.eventId).toBe(attempts[0]!.eventId);
    expect(events.data[0]!.attempts.map((a) => [a.status, a.responseExcerpt, a.ok])).toEqual(
      Array(4).fill([500, 'receiver down', false]),
    );
  });

  it('runs every retry that falls due during one clock advance, in order', async () => {
    const t = webhookSetup();
    const { vehicleId } = await subscribed(t);
    t.rx.setBehaviour('fail');
    t.simulator.setSignal(vehicleId, 'tractionbattery-stateofcharge', { value: 11, unit: 'percent' });
    await t.emulator.runtime.tick();
    t.emulator.clock.freeze();
    await t.emulator.runtime.advanceClock(10 * 60_000);
    const retries = states(t)
      .slice(1)
      .map((r) => vehicleStateEventSchema.parse(r.json).meta.deliveredAt);
    expect(retries).toHaveLength(4);
    expect(retries.map((at) => Number(at) - Number(retries[0]))).toEqual([0, 25_000, 75_000, 175_000]);
  });

  it('delivers on a retry once the receiver recovers', async () => {
    const t = webhookSetup();
    const { vehicleId } = await subscribed(t);
    t.rx.setBehaviour('fail');
    t.simulator.setSignal(vehicleId, 'tractionbattery-stateofcharge', { value: 12, unit: 'percent' });
    await t.emulator.runtime.tick();
    t.rx.setBehaviour('verify');
    t.clock.advance(25_000);
    await t.emulator.runtime.tick();
    const res = await t.fetch('/_emulator/events?filter[state]=delivered');
    const body = (await res.json()) as { data: { eventType: string; attempts: unknown[] }[] };
    const retried = body.data.find((e) => e.eventType === 'VEHICLE_STATE' && e.attempts.length === 2);
    expect(retried).toBeDefined();
  });
});
