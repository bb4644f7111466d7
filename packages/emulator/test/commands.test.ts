import { COMMANDS, type CommandType, commandExecutionResponseSchema } from '@paddock/contract';
import { ApiError } from '../src/http/api-error.js';
import { addApplication, connectOk, expectApiError, getToken } from './helpers/setup.js';
import { apiRequest, CONTROL, setupScripted } from './helpers/vehicle-actions.js';

const LIMIT = { data: { attributes: { percent: 80 } } };
const DESTINATION = { data: { attributes: { latitude: 37.77, longitude: -122.42 } } };

/** Each command: its body, the parameters echoed and the simulator call expected. */
const CASES: [CommandType, unknown, Record<string, unknown>, string, ...unknown[]][] = [
  ['security-lock', undefined, {}, 'lock'],
  ['security-unlock', {}, {}, 'unlock'],
  ['charge-start', undefined, {}, 'startCharge'],
  ['charge-stop', undefined, {}, 'stopCharge'],
  ['charge-set-limit', LIMIT, { percent: 80 }, 'setChargeLimit', 80],
  ['charge-port-open', undefined, {}, 'openChargePort'],
  ['charge-port-close', undefined, {}, 'closeChargePort'],
  [
    'navigation-set-destination',
    DESTINATION,
    { latitude: 37.77, longitude: -122.42 },
    'setDestination',
    37.77,
    -122.42,
  ],
];

async function connected(permissions = CONTROL) {
  const t = setupScripted();
  const user = await connectOk(t, {
    clientId: t.app.clientId,
    email: 'driver@example.com',
    permissions,
    make: 'TESLA',
  });
  const token = await getToken(t, t.app);
  return { t, user, token, vehicleId: user.vehicleIds[0]!, userId: user.userId };
}

const commandPath = (vehicleId: string, type: CommandType) =>
  `/v3/vehicles/${vehicleId}/commands/${COMMANDS[type].path}`;

describe('POST /v3/vehicles/{id}/commands/… (reference §3.5)', () => {
  it.each(CASES)(
    '%s: 200 command-execution, effect applied once, readable back',
    async (type, body, parameters, call, ...args) => {
      const { t, token, vehicleId, userId } = await connected();
      const now = new Date(t.clock.now()).toISOString();
      const res = await apiRequest(t, 'POST', commandPath(vehicleId, type), { token, userId, body });
      expect(res.status).toBe(200);
      expect(res.headers.get('sc-request-id')).toBeTruthy();
      const { data } = commandExecutionResponseSchema.parse(await res.json());
      expect(data.id).toMatch(/^exec_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(data.attributes).toEqual({
        commandType: type,
        status: { value: 'SUCCESS' },
        executionMode: 'sync',
        parameters,
      });
      expect(data.meta).toEqual({
        executedAt: now,
        completedAt: now,
        durationInSeconds: 0,
      });
      expect(t.simulator.calls).toEqual([[call, vehicleId, ...args]]);

      const again = await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/commands/${data.id}`, {
        token,
        userId,
      });
      expect(again.status).toBe(200);
      expect(commandExecutionResponseSchema.parse(await again.json()).data).toEqual(data);
    },
  );

  it('accepts set-limit at both ends of 50–100 and a vnd.api+json content type', async () => {
    const { t, token, vehicleId, userId } = await connected();
    for (const percent of [50, 100]) {
      const res = await apiRequest(t, 'POST', commandPath(vehicleId, 'charge-set-limit'), {
        token,
        userId,
        body: { data: { attributes: { percent } } },
        headers: { 'content-type': 'application/vnd.api+json' },
      });
      expect(res.status).toBe(200);
    }
    expect(t.simulator.calls.map((c) => c[2])).toEqual([50, 100]);
  });

  it('needs sc-user-id: 400 VALIDATION / MISSING_PARAMETER', async () => {
    const { t, token, vehicleId } = await connected();
    const error = await expectApiError(
      await apiRequest(t, 'POST', commandPath(vehicleId, 'security-lock'), { token, userId: null }),
      400,
      'VALIDATION',
      'MISSING_PARAMETER',
    );
    expect(error.detail).toMatch(/sc-user-id/);
    expect(t.simulator.calls).toEqual([]);
  });

  it('needs a token: 401', async () => {
    const { t, vehicleId, userId } = await connected();
    await expectApiError(
      await apiRequest(t, 'POST', commandPath(vehicleId, 'security-lock'), { userId }),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
  });

  it('is 404 VEHICLE_NOT_FOUND for an unknown vehicle, another user’s vehicle and another application’s', async () => {
    const { t, token, vehicleId, userId } = await connected();
    const stranger = await connectOk(t, {
      clientId: t.app.clientId,
      email: 'stranger@example.com',
      permissions: CONTROL,
    });
    const other = addApplication(t.emulator);
    const otherToken = await getToken(t, other);
    for (const [v, u, tok] of [
      ['no-such-vehicle', userId, token],
      [vehicleId, stranger.userId, token],
      [vehicleId, userId, otherToken],
    ] as const) {
      await expectApiError(
        await apiRequest(t, 'POST', commandPath(v, 'security-lock'), { token: tok, userId: u }),
        404,
        'RESOURCE_NOT_FOUND',
        'VEHICLE_NOT_FOUND',
      );
    }
    expect(t.simulator.calls).toEqual([]);
  });

  it('is 403 PERMISSION when the connection lacks the command’s permission', async () => {
    const { t, token, vehicleId, userId } = await connected(['read_vehicle_info', 'control_charge']);
    for (const type of ['security-lock', 'security-unlock', 'navigation-set-destination'] as const) {
      const error = await expectApiError(
        await apiRequest(t, 'POST', commandPath(vehicleId, type), {
          token,
          userId,
          body: type === 'navigation-set-destination' ? DESTINATION : undefined,
        }),
        403,
        'PERMISSION',
        'PERMISSION',
      );
      expect(error.detail).toContain(COMMANDS[type].permission);
    }
    expect(
      (await apiRequest(t, 'POST', commandPath(vehicleId, 'charge-start'), { token, userId })).status,
    ).toBe(200);
  });

  it.each([
    ['charge-set-limit', { data: { attributes: { percent: 49 } } }, /percent: must be at least 50/],
    ['charge-set-limit', { data: { attributes: { percent: 101 } } }, /percent: must be at most 100/],
    ['charge-set-limit', { data: { attributes: { percent: '80' } } }, /data\.attributes\.percent/],
    ['charge-set-limit', { percent: 80 }, /data/],
    ['charge-set-limit', undefined, /data/],
    ['navigation-set-destination', { data: { attributes: { latitude: 91, longitude: 0 } } }, /latitude/],
    ['navigation-set-destination', { data: { attributes: { latitude: 1 } } }, /longitude/],
    ['security-lock', '{"data":', /not valid JSON/],
    ['security-lock', '[1,2]', /body/],
  ] as [CommandType, unknown, RegExp][])(
    '%s with %j: 400 VALIDATION with a useful detail',
    async (type, body, detail) => {
      const { t, token, vehicleId, userId } = await connected();
      const error = await expectApiError(
        await apiRequest(t, 'POST', commandPath(vehicleId, type), { token, userId, body }),
        400,
        'VALIDATION',
        'INVALID_INPUT_FORMAT',
      );
      expect(error.detail).toMatch(detail);
      expect(t.simulator.calls).toEqual([]);
    },
  );

  it('refuses a body that is not JSON by content type', async () => {
    const { t, token, vehicleId, userId } = await connected();
    const error = await expectApiError(
      await apiRequest(t, 'POST', commandPath(vehicleId, 'charge-set-limit'), {
        token,
        userId,
        body: JSON.stringify(LIMIT),
        headers: { 'content-type': 'text/plain' },
      }),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
    expect(error.detail).toMatch(/Content-Type/);
  });

  it.each([
    ['security-lock', 'lock', new ApiError('VEHICLE_STATE', 'IN_MOTION'), 409, 'VEHICLE_STATE', 'IN_MOTION'],
    [
      'charge-start',
      'startCharge',
      new ApiError('VEHICLE_STATE', 'CHARGING_PLUG_NOT_CONNECTED'),
      409,
      'VEHICLE_STATE',
      'CHARGING_PLUG_NOT_CONNECTED',
    ],
    [
      'charge-port-open',
      'openChargePort',
      new ApiError('COMPATIBILITY', 'VEHICLE_NOT_CAPABLE'),
      501,
      'COMPATIBILITY',
      'VEHICLE_NOT_CAPABLE',
    ],
  ] as const)(
    '%s refused by the vehicle with its error',
    async (type, method, err, status, errType, code) => {
      const { t, token, vehicleId, userId } = await connected();
      t.simulator.failNext(method, err);
      const res = await apiRequest(t, 'POST', commandPath(vehicleId, type), { token, userId });
      const error = await expectApiError(res, status, errType, code);
      expect(error.resolution).toBeDefined();
      expect(t.simulator.calls).toEqual([]);
    },
  );

  it('answers 500 SERVER / INTERNAL, never a crash, when the simulator breaks', async () => {
    const { t, token, vehicleId, userId } = await connected();
    t.simulator.failNext('unlock', new TypeError('boom'));
    await expectApiError(
      await apiRequest(t, 'POST', commandPath(vehicleId, 'security-unlock'), { token, userId }),
      500,
      'SERVER',
      'INTERNAL',
    );
  });
});

describe('GET /v3/vehicles/{id}/commands/{executionId}', () => {
  it('is 404 for an unknown execution or one of another vehicle; needs sc-user-id and the connection', async () => {
    const { t, token, vehicleId, userId } = await connected();
    const second = await connectOk(t, {
      clientId: t.app.clientId,
      email: '2-vehicles@smartcar.com',
      permissions: CONTROL,
    });
    const res = await apiRequest(t, 'POST', commandPath(vehicleId, 'security-lock'), { token, userId });
    const { data } = commandExecutionResponseSchema.parse(await res.json());

    await expectApiError(
      await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/commands/exec_unknown`, { token, userId }),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
    await expectApiError(
      await apiRequest(t, 'GET', `/v3/vehicles/${second.vehicleIds[0]}/commands/${data.id}`, {
        token,
        userId: second.userId,
      }),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
    await expectApiError(
      await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/commands/${data.id}`, { token, userId: null }),
      400,
      'VALIDATION',
      'MISSING_PARAMETER',
    );
    await expectApiError(
      await apiRequest(t, 'GET', `/v3/vehicles/${vehicleId}/commands/${data.id}`, {
        token,
        userId: second.userId,
      }),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
  });
});
