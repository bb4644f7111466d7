import { vehicleErrorEventSchema } from '@paddock/contract';
import {
  connectVehicle,
  control,
  createWebhook,
  hmac,
  subscribeVia,
  webhookSetup,
} from './helpers/webhooks.js';

const ERROR_URL = 'https://receiver.test/webhooks/smartcar-errors';

async function errorSetup() {
  const t = webhookSetup();
  const webhookId = await createWebhook(t, { errorCallbackUri: ERROR_URL });
  const { userId, vehicleId, token } = await connectVehicle(t);
  expect((await subscribeVia(t, token, { webhookId, userId, vehicleId })).status).toBe(202);
  await t.emulator.webhooks.settle();
  return { t, vehicleId, userId, webhookId };
}

describe('VEHICLE_ERROR', () => {
  it('sends an injected error, signed, to the error callback', async () => {
    const { t, vehicleId, userId } = await errorSetup();
    const res = await control(t, `/_emulator/vehicles/${vehicleId}/errors`, {
      type: 'CONNECTED_SERVICES_ACCOUNT',
      code: 'AUTHENTICATION_FAILED',
      description: 'The owner changed their password.',
      resolution: 'REAUTHENTICATE',
      signals: ['tractionbattery-stateofcharge'],
    });
    expect(res.status).toBe(202);
    const [delivery] = t.rx.of('VEHICLE_ERROR');
    expect(delivery!.url).toBe(ERROR_URL);
    expect(delivery!.headers.get('sc-signature')).toBe(hmac(t.app.managementToken, delivery!.body));
    const event = vehicleErrorEventSchema.parse(delivery!.json);
    expect(event.data.user.id).toBe(userId);
    expect(event.data.vehicle.id).toBe(vehicleId);
    expect(event.data.errors).toEqual([
      {
        type: 'CONNECTED_SERVICES_ACCOUNT',
        code: 'AUTHENTICATION_FAILED',
        description: 'The owner changed their password.',
        docURL:
          'https://smartcar.com/docs/errors/api-errors/connected-services-account-errors#authentication-failed',
        resolution: { type: 'REAUTHENTICATE' },
        suggestedUserMessage: null,
        state: 'ERROR',
        signals: [{ group: 'TractionBattery', name: 'StateOfCharge', code: 'tractionbattery-stateofcharge' }],
      },
    ]);
    expect(event.meta.mode).toBe('LIVE');
  });

  it('reports UNREACHABLE when the vehicle goes offline and RESOLVED when it is back', async () => {
    const { t, vehicleId } = await errorSetup();
    t.simulator.setOnline(vehicleId, false);
    await t.emulator.runtime.tick();
    await t.emulator.runtime.tick();
    t.simulator.setOnline(vehicleId, true);
    await t.emulator.runtime.tick();
    const errors = t.rx.of('VEHICLE_ERROR').map((r) => vehicleErrorEventSchema.parse(r.json).data.errors[0]!);
    expect(errors.map((e) => [e.type, e.code, e.state])).toEqual([
      ['VEHICLE_STATE', 'UNREACHABLE', 'ERROR'],
      ['VEHICLE_STATE', 'UNREACHABLE', 'RESOLVED'],
    ]);
  });

  it('refuses an error outside the catalogue and an unknown vehicle', async () => {
    const { t, vehicleId } = await errorSetup();
    const bad = await control(t, `/_emulator/vehicles/${vehicleId}/errors`, {
      type: 'VEHICLE_STATE',
      code: 'NOPE',
    });
    expect(bad.status).toBe(400);
    const unknown = await control(t, '/_emulator/vehicles/no-such-vehicle/errors', {});
    expect(unknown.status).toBe(404);
    expect(t.rx.of('VEHICLE_ERROR')).toHaveLength(0);
  });
});
