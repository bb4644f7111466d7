import { vehicleErrorEventSchema, vehicleStateEventSchema } from '@paddock/contract';
import { createEmulator, createManualClock, generateDevelopmentCredentials } from '../src/index.js';
import { connectOk, getToken, REDIRECT_URI } from './helpers/setup.js';
import { control, createReceiver, subscribeVia, WEBHOOK_URL, type WebhookTest } from './helpers/webhooks.js';

/** The real simulator this time: the vehicle's own physics produce the changes. */
async function livingSetup() {
  const clock = createManualClock();
  const app = generateDevelopmentCredentials([REDIRECT_URI]);
  const rx = createReceiver(app.managementToken);
  const emulator = createEmulator({ clock, applications: [app], fetch: rx.fetch });
  const t = { emulator, clock, app, rx, fetch: emulator.fetch } as Omit<WebhookTest, 'simulator'>;
  const { userId, vehicleIds } = await connectOk(t, {
    clientId: app.clientId,
    email: '5YJ3E1EA7KF000001@bev.smartcar.com',
    mode: 'live',
    permissions: ['read_vehicle_info', 'read_battery', 'read_charge'],
  });
  const created = await control(t, '/_emulator/webhooks', {
    clientId: app.clientId,
    name: 'Charging',
    callbackUri: WEBHOOK_URL,
    triggers: ['charge-ischargingcableconnected', 'charge-ischarging'],
    data: ['tractionbattery-stateofcharge'],
  });
  const webhookId = ((await created.json()) as { data: { id: string } }).data.id;
  const token = await getToken(t, app);
  const vehicleId = vehicleIds[0]!;
  expect((await subscribeVia(t, token, { webhookId, userId, vehicleId })).status).toBe(202);
  await emulator.webhooks.settle();
  return { ...t, vehicleId };
}

describe('webhooks driven by the vehicle simulator', () => {
  it('delivers the cable changes when the vehicle is unplugged and plugged in from the control API', async () => {
    const t = await livingSetup();
    expect(t.rx.of('VEHICLE_STATE')).toHaveLength(1);
    // A generated vehicle may start on a charger: unplug first, so both changes are seen.
    expect((await control(t, `/_emulator/vehicles/${t.vehicleId}/unplug`, {})).status).toBe(200);
    expect(
      (await control(t, `/_emulator/vehicles/${t.vehicleId}/plug-in`, { powerKw: 11, kind: 'AC' })).status,
    ).toBe(200);
    await t.emulator.webhooks.settle();
    const cable = t.rx
      .of('VEHICLE_STATE')
      .slice(1)
      .map((r) => vehicleStateEventSchema.parse(r.json))
      .filter((e) =>
        e.triggers.some((tr) => 'signal' in tr && tr.signal.code === 'charge-ischargingcableconnected'),
      )
      .map((e) => e.data.signals.find((s) => s.code === 'charge-ischargingcableconnected')?.body);
    expect(cable).toEqual([{ value: false }, { value: true }]);
  });

  it('reports UNREACHABLE when the vehicle is taken offline', async () => {
    const t = await livingSetup();
    expect((await control(t, `/_emulator/vehicles/${t.vehicleId}/online`, { online: false })).status).toBe(
      200,
    );
    await t.emulator.webhooks.settle();
    const [error] = t.rx.of('VEHICLE_ERROR').map((r) => vehicleErrorEventSchema.parse(r.json));
    expect(error?.data.errors[0]).toMatchObject({ code: 'UNREACHABLE', state: 'ERROR' });
  });
});
