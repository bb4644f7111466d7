import { CompatibilityError, VehicleStateError } from '../src/index.js';
import { parseChargeScheduleExecution } from '../src/parse/charge-schedule.js';
import { parseCommandExecution } from '../src/parse/command.js';
import { parseJsonApiConnection } from '../src/parse/connection.js';
import { parseSubscription, parseWebhook } from '../src/parse/management.js';
import { parseSignal } from '../src/parse/signal.js';
import { fixture } from './load-fixture.js';

/** Every documented payload variant of the reference, parsed from `test/fixtures/*.json`. */

const response = (body: unknown, status = 200) => ({
  status,
  headers: new Headers({ 'sc-request-id': 'hdr-req' }),
  body,
  requestId: 'hdr-req',
  url: 'https://vehicle.api.smartcar.com/v3/x',
});

describe('signals (§3.4)', () => {
  test('a successful signal: typed body, ISO timestamps as Dates, absolute links', () => {
    const list = fixture<{ data: unknown[] }>('signal-list');
    expect(parseSignal(list.data[0])).toEqual({
      code: 'tractionbattery-stateofcharge',
      name: 'StateOfCharge',
      group: 'TractionBattery',
      status: 'SUCCESS',
      body: { value: 78, unit: 'percent' },
      retrievedAt: new Date('2026-05-02T08:15:31.000Z'),
      oemUpdatedAt: new Date('2026-05-02T08:14:50.000Z'),
      ingestedAt: new Date('2026-05-02T08:15:31.120Z'),
      links: {
        self: 'https://vehicle.api.smartcar.com/v3/vehicles/36ab27d0-fd9d-4455-823a-ce30af709ffc/signals/tractionbattery-stateofcharge',
        vehicle: 'https://vehicle.api.smartcar.com/v3/vehicles/36ab27d0-fd9d-4455-823a-ce30af709ffc',
      },
    });
  });

  test('an ERROR signal keeps its null body and its error', () => {
    const signal = parseSignal(fixture<{ data: unknown[] }>('signal-list').data[1]);
    expect(signal).toMatchObject({
      status: 'ERROR',
      body: { value: null, unit: 'ampere' },
      error: {
        type: 'VEHICLE_STATE',
        code: 'NOT_CHARGING',
        title: 'Not charging',
        detail: 'The vehicle is not charging.',
        resolution: { type: 'UNKNOWN_RESOLUTION_TYPE' },
      },
    });
  });

  test('an UNAVAILABLE signal has no body', () => {
    const signal = parseSignal(fixture<{ data: unknown[] }>('signal-list').data[2]);
    expect(signal.status).toBe('UNAVAILABLE');
    expect('body' in signal).toBe(false);
    expect(signal.error).toEqual({
      type: 'COMPATIBILITY',
      code: 'VEHICLE_NOT_CAPABLE',
      title: 'Vehicle not capable',
      detail: 'The vehicle is incapable of performing your request.',
      resolution: { type: null },
    });
  });

  test('epoch seconds and epoch milliseconds both become the same Date', () => {
    const seconds = parseSignal(fixture<{ data: unknown[] }>('signal-list-java-page').data[0]);
    const ms = parseSignal(fixture('signal-single-top-level'));
    expect(seconds.retrievedAt).toEqual(new Date(1746173731 * 1000));
    expect(ms.retrievedAt).toEqual(new Date(1746173731000));
    expect(ms.ingestedAt).toEqual(new Date(1746173731120));
  });

  test('unit spellings: watts → watt, min → minute, kilometers → km, and the fuel range’s kilometers kept', () => {
    expect(parseSignal(fixture('signal-single-top-level')).body).toEqual({ value: 11000, unit: 'watt' });
    expect(parseSignal(fixture<{ data: unknown }>('signal-single-data').data).body).toEqual({
      value: 95,
      unit: 'minute',
    });
    const odometer = parseSignal(fixture<{ data: unknown[] }>('signal-list-java-page').data[0]);
    expect(odometer.body).toEqual({ value: 12034.5, unit: 'km' });
    expect(parseSignal(fixture('signal-fuel-range-km')).body).toEqual({ value: 512, unit: 'kilometers' });
  });

  test('closure-doors: the `doors` key becomes `values`', () => {
    const signal = parseSignal(fixture('signal-closure-doors-doors-key'));
    expect(signal.body).toEqual({
      values: [
        { row: 0, column: 0, isOpen: false, isLocked: true },
        { row: 0, column: 1, isOpen: true, isLocked: false },
      ],
      rowCount: 1,
      columnCount: 2,
    });
  });

  test('relative links are kept as sent, and `links.values` is kept', () => {
    expect(parseSignal(fixture('signal-single-top-level')).links).toEqual({
      self: '/vehicles/36ab27d0-fd9d-4455-823a-ce30af709ffc/signals/charge-wattage',
      vehicle: '/vehicles/36ab27d0-fd9d-4455-823a-ce30af709ffc',
    });
    expect(parseSignal(fixture<{ data: unknown }>('signal-single-data').data).links.values).toMatch(
      /\/values$/,
    );
  });
});

describe('commands and schedules (§3.5, §3.6)', () => {
  test('a synchronous command-execution', () => {
    expect(parseCommandExecution(response(fixture('command-execution-sync')))).toEqual({
      id: 'exec_01HXYZ0000000000000000000',
      commandType: 'charge-set-limit',
      status: 'SUCCESS',
      executionMode: 'sync',
      parameters: { percent: 80 },
      executedAt: new Date('2026-05-02T08:20:00.000Z'),
      completedAt: new Date('2026-05-02T08:20:04.000Z'),
      durationInSeconds: 4,
      httpStatus: 200,
      links: {},
    });
  });

  test('a FAILED execution after a 202 throws the error a synchronous failure would', () => {
    const error = (() => {
      try {
        parseCommandExecution(response(fixture('command-execution-failed'), 202));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(VehicleStateError);
    expect(error).toMatchObject({
      status: 409,
      type: 'VEHICLE_STATE',
      code: 'IN_MOTION',
      requestId: 'req-async-1',
      resolution: { type: 'RETRY_LATER' },
      suggestedUserMessage: 'Your car is moving. Try again once it is parked.',
    });
  });

  test('a final body that is an error envelope throws by its stated status', () => {
    expect(() => parseCommandExecution(response(fixture('error-v3'), 202))).toThrow(CompatibilityError);
  });

  test('a charge-schedule-execution', () => {
    expect(parseChargeScheduleExecution(response(fixture('charge-schedule-execution')))).toEqual({
      id: 'exec_01HXYZ0000000000000000002',
      action: 'create',
      scheduleType: 'daily',
      scheduleId: 'sch_01HXYZ',
      status: 'SUCCESS',
      executionMode: 'sync',
      parameters: { startTime: '08:00', stopTime: '10:00' },
      httpStatus: 200,
      links: {
        schedule: 'https://vehicle.api.smartcar.com/v3/vehicles/36ab27d0/charge-schedules/sch_01HXYZ',
      },
    });
  });
});

describe('connections and management (§3.2, §4)', () => {
  test('a single connection under data', () => {
    expect(parseJsonApiConnection(fixture<{ data: unknown }>('connection').data)).toEqual({
      id: 'c5d1c0d0-0000-4000-8000-000000000001',
      userId: '8f3f0000-0000-4000-8000-000000000001',
      vehicleId: '36ab0000-0000-4000-8000-000000000001',
      permissions: ['read_battery', 'read_charge', 'read_vehicle_info', 'control_charge'],
      vehicle: { make: 'VOLKSWAGEN', model: 'ID.4', year: 2023, mode: 'live', powertrainType: 'BEV' },
      createdAt: new Date('2026-05-01T10:00:00.000Z'),
      externalId: 'customer-1234',
    });
  });

  test('a webhook', () => {
    expect(parseWebhook(fixture<{ data: unknown }>('webhook').data)).toEqual({
      id: '9d5c0000-0000-4000-8000-000000000001',
      name: 'Battery updates',
      callbackUri: 'https://example.com/webhooks/smartcar',
      errorCallbackUri: 'https://example.com/webhooks/smartcar-errors',
      isEnabled: true,
      autoSubscribe: false,
      triggers: [{ group: 'TractionBattery', name: 'StateOfCharge', code: 'tractionbattery-stateofcharge' }],
      data: [{ group: 'Charge', name: 'IsCharging', code: 'charge-ischarging' }],
      createdAt: new Date('2026-04-30T12:00:00.000Z'),
      links: { self: 'https://management.api.smartcar.com/v3/webhooks/9d5c0000-0000-4000-8000-000000000001' },
    });
  });

  test('a subscription: ids from relationships', () => {
    expect(parseSubscription(fixture<{ data: unknown }>('subscription').data)).toMatchObject({
      id: '2a0e0000-0000-4000-8000-000000000001',
      webhookId: '9d5c0000-0000-4000-8000-000000000001',
      userId: '8f3f0000-0000-4000-8000-000000000001',
      vehicleId: '36ab0000-0000-4000-8000-000000000001',
      vehicle: { make: 'TESLA', model: 'Model Y', year: 2024, mode: 'live', powertrainType: 'BEV' },
      createdAt: new Date('2026-05-01T10:00:00.000Z'),
      updatedAt: new Date('2026-05-01T10:05:00.000Z'),
    });
  });
});
