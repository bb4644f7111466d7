import {
  BadRequestError,
  CompatibilityError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  VehicleStateError,
} from '../src/index.js';
import { createHarness, type Harness } from './emulator-harness.js';

/** Every Vehicle API method of the SDK against the in-process emulator (reference §3). */

const ALL = [
  'read_vehicle_info',
  'read_battery',
  'read_charge',
  'read_odometer',
  'read_location',
  'read_security',
  'control_security',
  'control_charge',
  'control_navigation',
];

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.settled();
  expect(h.violations).toEqual([]);
});

describe('connections and users', () => {
  test('retrieve by id, delete one connection, then delete the user', async () => {
    const user = await h.connect('2-vehicles@smartcar.com');
    const sdk = h.client();
    const [firstId, secondId] = user.connectionIds;
    const connection = await sdk.connections.retrieve(firstId!);
    expect(connection).toMatchObject({ id: firstId, userId: user.userId });
    expect(user.vehicleIds).toContain(connection.vehicleId);

    await sdk.connections.delete(firstId!);
    await expect(sdk.connections.retrieve(firstId!)).rejects.toBeInstanceOf(NotFoundError);
    const remaining = await sdk.forUser(user.userId).connections.list();
    expect(remaining.data.map((c) => c.id)).toEqual([secondId]);

    await sdk.users.delete(user.userId);
    expect((await sdk.connections.list({ userId: user.userId })).data).toEqual([]);
    expect(h.checked).toEqual(
      expect.arrayContaining(['connection 200', 'connection list 200', 'v3 error 404']),
    );
  });
});

describe('signals', () => {
  test('a BEV’s list: typed values, failures inside the list, included vehicle, Dates', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const car = h.client().forUser(user.userId);
    const vehicle = await car.vehicles.retrieve(vehicleId);
    const list = await car.signals.list(vehicleId);

    expect(list.vehicle?.id).toBe(vehicleId);
    expect(list.data.length).toBeGreaterThan(5);
    const soc = list.get('tractionbattery-stateofcharge');
    if (vehicle.powertrainType === 'BEV') {
      expect(soc?.status).toBe('SUCCESS');
      const body = list.body('tractionbattery-stateofcharge');
      expect(body?.unit).toBe('percent');
      expect(body?.value).toBeGreaterThanOrEqual(0);
      expect(body?.value).toBeLessThanOrEqual(100);
      expect(list.get('internalcombustionengine-fuellevel')?.status ?? 'UNAVAILABLE').not.toBe('SUCCESS');
    }
    expect(soc?.retrievedAt).toBeInstanceOf(Date);
    expect(soc?.oemUpdatedAt).toBeInstanceOf(Date);
    // read_tires was not granted: the signal fails inside the list, the call does not.
    const tires = list.get('wheel-tires');
    if (tires) {
      expect(tires.status).not.toBe('SUCCESS');
      expect(tires.error?.type).toBe('PERMISSION');
    }
    expect(h.checked).toContain('signal list 200');
  });

  test('one signal, typed; imperial units; unknown code and missing permission', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const car = h.client().forUser(user.userId);

    const odometer = await car.signals.retrieve(vehicleId, 'odometer-traveleddistance');
    expect(odometer.status === 'SUCCESS' && odometer.body.unit).toBe('km');
    const imperial = await car.signals.retrieve(vehicleId, 'odometer-traveleddistance', {
      unitSystem: 'imperial',
    });
    expect(imperial.status === 'SUCCESS' && imperial.body.unit).toBe('miles');

    const unknown = await car.signals.retrieve(vehicleId, 'no-such-signal').catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ type: 'RESOURCE_NOT_FOUND', code: 'SIGNAL_NOT_FOUND' });

    const denied = await car.signals.retrieve(vehicleId, 'wheel-tires').catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(PermissionDeniedError);
    expect(h.checked).toContain('signal 200');
  });

  test('without sc-user-id: a TypeError before I/O; forced through, the emulator answers MISSING_PARAMETER', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const sdk = h.client();
    const before = h.requests.length;
    expect(() => sdk.signals.list(vehicleId)).toThrow(TypeError);
    expect(h.requests).toHaveLength(before);
    const error = await sdk.signals
      .list(vehicleId, { userId: user.userId, headers: { 'sc-user-id': '' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ type: 'VALIDATION', code: 'MISSING_PARAMETER' });
  });
});

describe('commands', () => {
  test('lock, unlock, charge limit, charge port, destination, and reading an execution back', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const car = h.client().forUser(user.userId);

    const lock = await car.commands.lock(vehicleId);
    expect(lock).toMatchObject({
      commandType: 'security-lock',
      status: 'SUCCESS',
      executionMode: 'sync',
      httpStatus: 200,
    });
    expect(lock.executedAt).toBeInstanceOf(Date);
    expect((await car.signals.retrieve(vehicleId, 'closure-islocked')).body).toEqual({ value: true });
    await car.commands.unlock(vehicleId);

    const limit = await car.commands.setChargeLimit(vehicleId, 80);
    expect(limit.parameters).toEqual({ percent: 80 });
    const back = await car.commands.retrieve(vehicleId, limit.id);
    expect(back).toMatchObject({ id: limit.id, commandType: 'charge-set-limit', status: 'SUCCESS' });

    const tooLow = await car.commands.setChargeLimit(vehicleId, 40).catch((e: unknown) => e);
    expect(tooLow).toBeInstanceOf(BadRequestError);
    expect(tooLow).toMatchObject({ type: 'VALIDATION' });

    const destination = await car.commands.setDestination(vehicleId, {
      latitude: 48.8566,
      longitude: 2.3522,
    });
    expect(destination.parameters).toEqual({ latitude: 48.8566, longitude: 2.3522 });
    for (const send of [
      () => car.commands.openChargePort(vehicleId),
      () => car.commands.closeChargePort(vehicleId),
    ]) {
      const result = await send().catch((e: unknown) => e);
      // Some vehicles cannot move their charge port door: that is a documented answer too.
      if (result instanceof CompatibilityError) expect(result.code).toBe('VEHICLE_NOT_CAPABLE');
      else expect(result).toMatchObject({ status: 'SUCCESS' });
    }
    expect(h.checked).toEqual(expect.arrayContaining(['command execution 200', 'v3 error 400']));
  });

  test('state-dependent refusals: unplugged, not charging, in motion', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const car = h.client().forUser(user.userId);
    const act = (action: string, body: unknown = {}) =>
      h.control(`/_emulator/vehicles/${vehicleId}/${action}`, body);

    await act('unplug');
    const unplugged = await car.commands.startCharge(vehicleId).catch((e: unknown) => e);
    expect(unplugged).toBeInstanceOf(VehicleStateError);
    expect(unplugged).toMatchObject({
      status: 409,
      type: 'VEHICLE_STATE',
      code: 'CHARGING_PLUG_NOT_CONNECTED',
    });
    expect((unplugged as VehicleStateError).requestId).toEqual(expect.any(String));
    await expect(car.commands.stopCharge(vehicleId)).rejects.toMatchObject({ code: 'NOT_CHARGING' });

    expect((await act('trips', { speedKph: 50 })).status).toBeLessThan(300);
    await expect(car.commands.lock(vehicleId)).rejects.toMatchObject({ code: 'IN_MOTION' });
    expect(h.checked).toContain('v3 error 409');
  });

  test('a command without its permission is PermissionDeniedError', async () => {
    const user = await h.connect('reader@tesla.example', {
      make: 'TESLA',
      permissions: ['read_vehicle_info'],
    });
    const error = await h
      .client()
      .commands.lock(user.vehicleIds[0]!, { userId: user.userId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
  });

  test('the 202 path: answered at once, the final body streamed later is the result', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const res = await h.control(
      '/_emulator/settings/commands',
      { delayMs: 150, longRunningAfterMs: 10 },
      'PUT',
    );
    expect(res.status).toBe(200);
    const started = performance.now();
    const result = await h.client().commands.lock(user.vehicleIds[0]!, { userId: user.userId });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(result).toMatchObject({
      commandType: 'security-lock',
      status: 'SUCCESS',
      executionMode: 'async',
      httpStatus: 202,
    });
    expect(result.completedAt).toBeInstanceOf(Date);
    await h.settled();
    expect(h.checked).toContain('command execution 202');
  });

  test('a 503 on a command: one attempt without a key, retried with one', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const fault = {
      type: 'SERVER',
      code: 'INTERNAL',
      status: 503,
      method: 'POST',
      pathPattern: '/v3/vehicles/*/commands/**',
      count: 1,
    };
    const car = h.client().forUser(user.userId);

    expect((await h.control('/_emulator/faults', fault)).status).toBe(201);
    await expect(car.commands.lock(vehicleId)).rejects.toBeInstanceOf(InternalServerError);
    expect(h.requests.filter((r) => r.path.endsWith('/commands/security/lock'))).toHaveLength(1);

    expect((await h.control('/_emulator/faults', fault)).status).toBe(201);
    await expect(car.commands.lock(vehicleId, { idempotencyKey: 'lock-1' })).resolves.toMatchObject({
      status: 'SUCCESS',
    });
    expect(h.requests.filter((r) => r.path.endsWith('/commands/security/lock'))).toHaveLength(3);
  });
});

describe('charge schedules', () => {
  test('Tesla: daily, weekly and workweek created, then deleted', async () => {
    const user = await h.connect('owner@tesla.example', { make: 'TESLA', permissions: ALL });
    const vehicleId = user.vehicleIds[0]!;
    const schedules = h.client().forUser(user.userId).chargeSchedules;
    const location = { latitude: 37.7749, longitude: -122.4194 };
    const daily = await schedules.createDaily(vehicleId, { location, startTime: '08:00', stopTime: '10:00' });
    const weekly = await schedules.createWeekly(vehicleId, {
      location,
      days: [{ dayOfWeek: 'FRIDAY', startTime: '23:00', stopTime: '06:00' }],
    });
    const workweek = await schedules.createWorkweek(vehicleId, {
      location,
      weekdays: { startTime: '22:00', stopTime: '06:00' },
      weekends: { startTime: '00:00', stopTime: '08:00' },
    });
    expect([daily.scheduleType, weekly.scheduleType, workweek.scheduleType]).toEqual([
      'daily',
      'weekly',
      'workweek',
    ]);
    expect(daily).toMatchObject({
      action: 'create',
      status: 'SUCCESS',
      parameters: { startTime: '08:00', stopTime: '10:00' },
    });
    const deleted = await schedules.delete(vehicleId, daily.scheduleId);
    expect(deleted).toMatchObject({ action: 'delete', scheduleId: daily.scheduleId });
    await expect(schedules.delete(vehicleId, daily.scheduleId)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.checked).toContain('schedule execution 200');
  });

  test('a make without schedules is CompatibilityError VEHICLE_NOT_CAPABLE', async () => {
    const user = await h.connect('owner@ford.example', { make: 'FORD', permissions: ALL });
    const error = await h
      .client()
      .chargeSchedules.createDaily(
        user.vehicleIds[0]!,
        { location: { latitude: 1, longitude: 2 }, startTime: '01:00', stopTime: '02:00' },
        { userId: user.userId },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompatibilityError);
    expect(error).toMatchObject({ status: 501, code: 'VEHICLE_NOT_CAPABLE' });
  });
});
