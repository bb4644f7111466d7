import { type ChargeScheduleType, chargeScheduleExecutionResponseSchema } from '@paddock/contract';
import { connectOk, expectApiError, getToken } from './helpers/setup.js';
import { apiRequest, CONTROL, setupScripted } from './helpers/vehicle-actions.js';

const location = { latitude: 37.7749, longitude: -122.4194 };
const BODIES: Record<ChargeScheduleType, Record<string, unknown>> = {
  daily: { location, startTime: '08:00', stopTime: '10:00' },
  weekly: {
    location,
    days: [
      { dayOfWeek: 'MONDAY', startTime: '01:00', stopTime: '05:00' },
      { dayOfWeek: 'FRIDAY', startTime: '23:00', stopTime: '06:00' },
    ],
  },
  workweek: {
    location,
    weekdays: { startTime: '22:00', stopTime: '06:00' },
    weekends: { startTime: '00:00', stopTime: '08:00' },
  },
};
const envelope = (attributes: unknown) => ({ data: { attributes } });

async function connected(make: string, permissions = CONTROL) {
  const t = setupScripted();
  const user = await connectOk(t, {
    clientId: t.app.clientId,
    email: `owner@${make.toLowerCase()}.example`,
    permissions,
    make,
  });
  const token = await getToken(t, t.app);
  return { t, token, vehicleId: user.vehicleIds[0]!, userId: user.userId, app: t.app };
}

describe('charge schedules (reference §3.6)', () => {
  it.each(['daily', 'weekly', 'workweek'] as const)('Tesla %s: created, then deleted once', async (type) => {
    const { t, token, vehicleId, userId } = await connected('TESLA');
    const res = await apiRequest(t, 'POST', `/v3/vehicles/${vehicleId}/charge-schedules/${type}`, {
      token,
      userId,
      body: envelope(BODIES[type]),
    });
    expect(res.status).toBe(200);
    const { data } = chargeScheduleExecutionResponseSchema.parse(await res.json());
    const { location: _, ...parameters } = BODIES[type];
    expect(data.id).toMatch(/^exec_[0-9A-Z]{26}$/);
    expect(data.attributes).toMatchObject({
      action: 'create',
      scheduleType: type,
      status: { value: 'SUCCESS' },
      executionMode: 'sync',
      parameters,
    });
    expect(data.attributes.scheduleId).toMatch(/^sch_[0-9A-Z]{26}$/);
    expect(data.links.schedule).toMatch(
      new RegExp(`/v3/vehicles/${vehicleId}/charge-schedules/${data.attributes.scheduleId}$`),
    );

    const deleted = await apiRequest(t, 'DELETE', new URL(data.links.schedule).pathname, { token, userId });
    expect(deleted.status).toBe(200);
    const gone = chargeScheduleExecutionResponseSchema.parse(await deleted.json()).data;
    expect(gone.attributes).toMatchObject({
      action: 'delete',
      scheduleType: type,
      scheduleId: data.attributes.scheduleId,
      parameters: {},
    });

    await expectApiError(
      await apiRequest(t, 'DELETE', new URL(data.links.schedule).pathname, { token, userId }),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
  });

  it('Volvo takes daily only; other makes none: 501 COMPATIBILITY / VEHICLE_NOT_CAPABLE', async () => {
    const volvo = await connected('VOLVO');
    const daily = await apiRequest(
      volvo.t,
      'POST',
      `/v3/vehicles/${volvo.vehicleId}/charge-schedules/daily`,
      {
        token: volvo.token,
        userId: volvo.userId,
        body: envelope(BODIES.daily),
      },
    );
    expect(daily.status).toBe(200);
    for (const type of ['weekly', 'workweek'] as const) {
      await expectApiError(
        await apiRequest(volvo.t, 'POST', `/v3/vehicles/${volvo.vehicleId}/charge-schedules/${type}`, {
          token: volvo.token,
          userId: volvo.userId,
          body: envelope(BODIES[type]),
        }),
        501,
        'COMPATIBILITY',
        'VEHICLE_NOT_CAPABLE',
      );
    }
    const bmw = await connected('BMW');
    const error = await expectApiError(
      await apiRequest(bmw.t, 'POST', `/v3/vehicles/${bmw.vehicleId}/charge-schedules/daily`, {
        token: bmw.token,
        userId: bmw.userId,
        body: envelope(BODIES.daily),
      }),
      501,
      'COMPATIBILITY',
      'VEHICLE_NOT_CAPABLE',
    );
    expect(error.detail).toContain('BMW');
  });

  it('checks sc-user-id, the connection and control_charge', async () => {
    const { t, token, vehicleId, userId } = await connected('TESLA', [
      'read_vehicle_info',
      'control_security',
    ]);
    const path = `/v3/vehicles/${vehicleId}/charge-schedules/daily`;
    const body = envelope(BODIES.daily);
    await expectApiError(
      await apiRequest(t, 'POST', path, { token, body }),
      400,
      'VALIDATION',
      'MISSING_PARAMETER',
    );
    await expectApiError(
      await apiRequest(t, 'POST', `/v3/vehicles/unknown/charge-schedules/daily`, { token, userId, body }),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
    await expectApiError(
      await apiRequest(t, 'POST', path, { token, userId, body }),
      403,
      'PERMISSION',
      'PERMISSION',
    );
    await expectApiError(
      await apiRequest(t, 'DELETE', `/v3/vehicles/${vehicleId}/charge-schedules/sch_x`, { token, userId }),
      403,
      'PERMISSION',
      'PERMISSION',
    );
    await expectApiError(
      await apiRequest(t, 'POST', path, { userId, body }),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
  });

  it.each([
    ['daily', { ...BODIES.daily, startTime: '25:00' }, /startTime/],
    ['daily', { ...BODIES.daily, stopTime: '08:00' }, /must differ/],
    ['daily', { startTime: '08:00', stopTime: '10:00' }, /location/],
    ['weekly', { location, days: [] }, /days/],
    [
      'weekly',
      { location, days: [{ dayOfWeek: 'FUNDAY', startTime: '01:00', stopTime: '02:00' }] },
      /dayOfWeek/,
    ],
    ['workweek', { location, weekdays: { startTime: '22:00', stopTime: '06:00' } }, /weekends/],
  ] as const)(
    '%s with a bad body: 400 VALIDATION naming the field (%j)',
    async (type, attributes, detail) => {
      const { t, token, vehicleId, userId } = await connected('TESLA');
      const error = await expectApiError(
        await apiRequest(t, 'POST', `/v3/vehicles/${vehicleId}/charge-schedules/${type}`, {
          token,
          userId,
          body: envelope(attributes),
        }),
        400,
        'VALIDATION',
        'INVALID_INPUT_FORMAT',
      );
      expect(error.detail).toMatch(detail);
    },
  );

  it('refuses a missing body, and a schedule beyond the 16 a vehicle holds', async () => {
    const { t, token, vehicleId, userId } = await connected('TESLA');
    const path = `/v3/vehicles/${vehicleId}/charge-schedules/daily`;
    await expectApiError(
      await apiRequest(t, 'POST', path, { token, userId }),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
    for (let i = 0; i < 16; i++) {
      expect(
        (await apiRequest(t, 'POST', path, { token, userId, body: envelope(BODIES.daily) })).status,
      ).toBe(200);
    }
    await expectApiError(
      await apiRequest(t, 'POST', path, { token, userId, body: envelope(BODIES.daily) }),
      400,
      'VALIDATION',
      'BAD_REQUEST',
    );
  });

  it('is 404 for a schedule of another vehicle', async () => {
    const t = setupScripted();
    const user = await connectOk(t, {
      clientId: t.app.clientId,
      email: '2-vehicles@smartcar.com',
      permissions: CONTROL,
      make: 'TESLA',
    });
    const token = await getToken(t, t.app);
    const [first, second] = user.vehicleIds as [string, string];
    const res = await apiRequest(t, 'POST', `/v3/vehicles/${first}/charge-schedules/daily`, {
      token,
      userId: user.userId,
      body: envelope(BODIES.daily),
    });
    const { scheduleId } = chargeScheduleExecutionResponseSchema.parse(await res.json()).data.attributes;
    await expectApiError(
      await apiRequest(t, 'DELETE', `/v3/vehicles/${second}/charge-schedules/${scheduleId}`, {
        token,
        userId: user.userId,
      }),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
  });
});
