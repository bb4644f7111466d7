import {
  chargeScheduleExecutionResponseSchema,
  commandExecutionResponseSchema,
  signalResponseSchema,
} from '@paddock/contract';
import { connectOk, expectApiError, getToken, setup, type TestEmulator } from './helpers/setup.js';
import { apiRequest, CONTROL } from './helpers/vehicle-actions.js';

// Commands and schedules against the living-vehicle simulator: effects show in the signals.
const PERMISSIONS = [...CONTROL, 'read_security', 'read_charge'];

async function connected(email: string, make?: string) {
  const t = setup();
  const user = await connectOk(t, { clientId: t.app.clientId, email, permissions: PERMISSIONS, make });
  const token = await getToken(t, t.app);
  return { t, token, vehicleId: user.vehicleIds[0]!, userId: user.userId };
}

async function signalBody(t: TestEmulator, token: string, vehicleId: string, userId: string, code: string) {
  const res = await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/signals/${code}`, { token, userId });
  expect(res.status).toBe(200);
  const json = (await res.json()) as { data?: unknown };
  return signalResponseSchema.parse(json.data ?? json).attributes.body;
}

describe('commands drive the simulated vehicle', () => {
  it('unlock then lock show in closure-islocked', async () => {
    const { t, token, vehicleId, userId } = await connected('locks@example.com', 'TESLA');
    for (const [action, locked] of [
      ['unlock', false],
      ['lock', true],
    ] as const) {
      const res = await apiRequest(t, 'POST', `/v3/vehicles/${vehicleId}/commands/security/${action}`, {
        token,
        userId,
      });
      expect(res.status).toBe(200);
      commandExecutionResponseSchema.parse(await res.json());
      expect(await signalBody(t, token, vehicleId, userId, 'closure-islocked')).toEqual({ value: locked });
    }
  });

  it('a charge schedule appears in charge-chargetimers and leaves with its deletion', async () => {
    const { t, token, vehicleId, userId } = await connected('timers@example.com', 'TESLA');
    const res = await apiRequest(t, 'POST', `/v3/vehicles/${vehicleId}/charge-schedules/daily`, {
      token,
      userId,
      body: {
        data: {
          attributes: {
            location: { latitude: 52.5, longitude: 13.4 },
            startTime: '01:00',
            stopTime: '05:00',
          },
        },
      },
    });
    const { scheduleId } = chargeScheduleExecutionResponseSchema.parse(await res.json()).data.attributes;
    const timers = (await signalBody(t, token, vehicleId, userId, 'charge-chargetimers')) as {
      values: { scheduleId: string }[];
    };
    expect(timers.values.map((v) => v.scheduleId)).toEqual([scheduleId]);
    await apiRequest(t, 'DELETE', `/v3/vehicles/${vehicleId}/charge-schedules/${scheduleId}`, {
      token,
      userId,
    });
    expect(await signalBody(t, token, vehicleId, userId, 'charge-chargetimers')).toEqual({ values: [] });
  });

  it('a combustion vehicle has no charge port: 501 VEHICLE_NOT_CAPABLE', async () => {
    const { t, token, vehicleId, userId } = await connected('1FAHP3F28CL148530@fuel.smartcar.com');
    await expectApiError(
      await apiRequest(t, 'POST', `/v3/vehicles/${vehicleId}/commands/charge-port/open`, { token, userId }),
      501,
      'COMPATIBILITY',
      'VEHICLE_NOT_CAPABLE',
    );
  });
});
