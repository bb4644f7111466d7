import { CompatibilityError, SmartcarClient, TimeoutError, VehicleStateError } from '../src/index.js';
import {
  CREDENTIALS,
  fakeSmartcar,
  type Handler,
  hang,
  json,
  recordingSleep,
  v3Error,
} from './fake-smartcar.js';
import { fixture, fixtureText } from './load-fixture.js';

function setup(handler: Handler, extra: Partial<ConstructorParameters<typeof SmartcarClient>[0]> = {}) {
  const fake = fakeSmartcar(handler);
  const client = new SmartcarClient({
    ...CREDENTIALS,
    fetch: fake.fetch,
    sleep: recordingSleep().sleep,
    ...extra,
  });
  return { fake, client };
}

const execution = (commandType: string, parameters: Record<string, unknown> = {}) => ({
  data: {
    id: 'exec_1',
    type: 'command-execution',
    attributes: { commandType, status: { value: 'SUCCESS' }, executionMode: 'sync', parameters },
    meta: {
      executedAt: '2026-05-02T08:20:00.000Z',
      completedAt: '2026-05-02T08:20:01.000Z',
      durationInSeconds: 1,
    },
  },
});

/** A 202 whose body is whitespace now and the final JSON once `release()` is called, like a long-running command. */
function streamed202(final: string) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode('\n'));
      await released;
      controller.enqueue(encoder.encode('\n'));
      controller.enqueue(encoder.encode(final));
      controller.close();
    },
  });
  return {
    response: new Response(body, { status: 202, headers: { 'content-type': 'application/json' } }),
    release,
  };
}

describe('commands', () => {
  const cases = [
    ['lock', (c: SmartcarClient) => c.commands.lock('v1', { userId: 'u' }), 'security/lock', undefined],
    ['unlock', (c: SmartcarClient) => c.commands.unlock('v1', { userId: 'u' }), 'security/unlock', undefined],
    [
      'startCharge',
      (c: SmartcarClient) => c.commands.startCharge('v1', { userId: 'u' }),
      'charge/start',
      undefined,
    ],
    [
      'stopCharge',
      (c: SmartcarClient) => c.commands.stopCharge('v1', { userId: 'u' }),
      'charge/stop',
      undefined,
    ],
    [
      'setChargeLimit',
      (c: SmartcarClient) => c.commands.setChargeLimit('v1', 80, { userId: 'u' }),
      'charge/set-limit',
      { data: { attributes: { percent: 80 } } },
    ],
    [
      'openChargePort',
      (c: SmartcarClient) => c.commands.openChargePort('v1', { userId: 'u' }),
      'charge-port/open',
      undefined,
    ],
    [
      'closeChargePort',
      (c: SmartcarClient) => c.commands.closeChargePort('v1', { userId: 'u' }),
      'charge-port/close',
      undefined,
    ],
    [
      'setDestination',
      (c: SmartcarClient) =>
        c.commands.setDestination('v1', { latitude: 37.77, longitude: -122.42 }, { userId: 'u' }),
      'navigation/set-destination',
      { data: { attributes: { latitude: 37.77, longitude: -122.42 } } },
    ],
  ] as const;

  test.each(cases)(
    '%s posts to its path with its body and sc-user-id',
    async (_name, send, commandPath, body) => {
      const { fake, client } = setup(() => json(200, execution('x')));
      const result = await send(client);
      const [req] = fake.apiCalls();
      expect(req?.method).toBe('POST');
      expect(req?.url.pathname).toBe(`/v3/vehicles/v1/commands/${commandPath}`);
      expect(req?.headers.get('sc-user-id')).toBe('u');
      expect(req?.body === '' ? undefined : JSON.parse(req?.body ?? '')).toEqual(body);
      expect(result).toMatchObject({ id: 'exec_1', status: 'SUCCESS', httpStatus: 200 });
    },
  );

  test('a 202 is read to the end: the final body streamed after it is the result', async () => {
    const stream = streamed202(
      JSON.stringify({
        data: {
          ...execution('security-lock').data,
          attributes: { ...execution('security-lock').data.attributes, executionMode: 'async' },
        },
      }),
    );
    const { client } = setup(() => stream.response);
    let settled = false;
    const pending = client.commands.lock('v1', { userId: 'u' }).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    stream.release();
    await expect(pending).resolves.toMatchObject({
      commandType: 'security-lock',
      status: 'SUCCESS',
      executionMode: 'async',
      httpStatus: 202,
      completedAt: new Date('2026-05-02T08:20:01.000Z'),
    });
  });

  test('a failure streamed after a 202 throws the same error class as a synchronous one', async () => {
    const stream = streamed202(fixtureText('command-execution-failed'));
    const { client } = setup(() => stream.response);
    const pending = client.commands.lock('v1', { userId: 'u' }).catch((e: unknown) => e);
    stream.release();
    const error = await pending;
    expect(error).toBeInstanceOf(VehicleStateError);
    expect(error).toMatchObject({ code: 'IN_MOTION', requestId: 'req-async-1' });
  });

  test('waiting for a streamed result ends at the timeout, or when the caller aborts', async () => {
    const slow = streamed202('{}');
    const { client } = setup(() => slow.response, { commandTimeout: 30 });
    await expect(client.commands.lock('v1', { userId: 'u' })).rejects.toBeInstanceOf(TimeoutError);

    const stalled = streamed202('{}');
    const { client: other } = setup(() => stalled.response);
    const controller = new AbortController();
    const pending = other.commands
      .lock('v1', { userId: 'u', signal: controller.signal })
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('user left'));
    expect(((await pending) as Error).message).toBe('user left');
  });

  test('a synchronous 409 and 501', async () => {
    const { client } = setup((req) =>
      req.url.pathname.endsWith('/lock')
        ? json(409, v3Error(409, 'VEHICLE_STATE', 'IN_MOTION'))
        : json(501, fixture('error-v3')),
    );
    await expect(client.commands.lock('v1', { userId: 'u' })).rejects.toBeInstanceOf(VehicleStateError);
    await expect(client.commands.openChargePort('v1', { userId: 'u' })).rejects.toBeInstanceOf(
      CompatibilityError,
    );
  });

  test('commands use commandTimeout, not the read timeout', async () => {
    let answer: (r: Response) => void = () => {};
    const { client } = setup(
      (req) =>
        req.url.pathname.endsWith('/lock')
          ? new Promise<Response>((resolve) => {
              answer = resolve;
            })
          : hang(req),
      { timeout: 5, commandTimeout: 10_000, maxRetries: 0 },
    );
    const pending = client.commands.lock('v1', { userId: 'u' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    answer(json(200, execution('security-lock')));
    await expect(pending).resolves.toMatchObject({ status: 'SUCCESS' });
    await expect(client.vehicles.retrieve('v1')).rejects.toBeInstanceOf(TimeoutError);
  });

  test('a per-call timeout wins over commandTimeout', async () => {
    const { client } = setup(hang, { commandTimeout: 60_000 });
    await expect(client.commands.unlock('v1', { userId: 'u', timeout: 10 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  test('retrieve reads a recorded execution back', async () => {
    const { fake, client } = setup(() => json(200, fixture('command-execution-sync')));
    const result = await client.commands.retrieve('v1', 'exec_01HXYZ0000000000000000000', { userId: 'u' });
    expect(fake.apiCalls()[0]?.method).toBe('GET');
    expect(fake.apiCalls()[0]?.url.pathname).toBe('/v3/vehicles/v1/commands/exec_01HXYZ0000000000000000000');
    expect(result.parameters).toEqual({ percent: 80 });
  });

  test('caller mistakes are TypeErrors before any I/O', () => {
    const { fake, client } = setup(() => json(200, {}));
    expect(() => client.commands.lock('v1')).toThrow(/userId/);
    expect(() => client.commands.lock('', { userId: 'u' })).toThrow(TypeError);
    expect(() => client.commands.setChargeLimit('v1', 101, { userId: 'u' })).toThrow(/percent/);
    expect(() => client.commands.setChargeLimit('v1', Number.NaN, { userId: 'u' })).toThrow(TypeError);
    expect(() =>
      client.commands.setDestination('v1', { latitude: 91, longitude: 0 }, { userId: 'u' }),
    ).toThrow(/latitude/);
    expect(() => client.commands.setDestination('v1', null as never, { userId: 'u' })).toThrow(TypeError);
    expect(() => client.commands.retrieve('v1', 'e')).toThrow(/userId/);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('charge schedules', () => {
  const location = { latitude: 37.7749, longitude: -122.4194 };

  test('daily, weekly and workweek bodies and delete', async () => {
    const { fake, client } = setup(() => json(200, fixture('charge-schedule-execution')));
    const alice = client.forUser('alice');
    const daily = await alice.chargeSchedules.createDaily('v1', {
      location,
      startTime: '08:00',
      stopTime: '10:00',
    });
    await alice.chargeSchedules.createWeekly('v1', {
      location,
      days: [{ dayOfWeek: 'MONDAY', startTime: '22:00', stopTime: '06:00' }],
    });
    await alice.chargeSchedules.createWorkweek('v1', {
      location,
      weekdays: { startTime: '01:00', stopTime: '05:00' },
      weekends: { startTime: '10:00', stopTime: '14:00' },
    });
    await alice.chargeSchedules.delete('v1', daily.scheduleId);
    const calls = fake.apiCalls();
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'POST /v3/vehicles/v1/charge-schedules/daily',
      'POST /v3/vehicles/v1/charge-schedules/weekly',
      'POST /v3/vehicles/v1/charge-schedules/workweek',
      'DELETE /v3/vehicles/v1/charge-schedules/sch_01HXYZ',
    ]);
    expect(calls.every((c) => c.headers.get('sc-user-id') === 'alice')).toBe(true);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      data: { attributes: { location, startTime: '08:00', stopTime: '10:00' } },
    });
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({
      data: {
        attributes: { location, days: [{ dayOfWeek: 'MONDAY', startTime: '22:00', stopTime: '06:00' }] },
      },
    });
    expect(JSON.parse(calls[2]?.body ?? '').data.attributes.weekends).toEqual({
      startTime: '10:00',
      stopTime: '14:00',
    });
    expect(daily).toMatchObject({ scheduleType: 'daily', action: 'create', scheduleId: 'sch_01HXYZ' });
  });

  test('bad schedules are TypeErrors before any I/O', () => {
    const { fake, client } = setup(() => json(200, {}));
    const s = client.forUser('u').chargeSchedules;
    expect(() => s.createDaily('v1', { location, startTime: '8:00', stopTime: '10:00' })).toThrow(/HH:MM/);
    expect(() => s.createDaily('v1', { location, startTime: '10:00', stopTime: '10:00' })).toThrow(/differ/);
    expect(() =>
      s.createDaily('v1', {
        location: { latitude: 0, longitude: 200 },
        startTime: '01:00',
        stopTime: '02:00',
      }),
    ).toThrow(/longitude/);
    expect(() => s.createWeekly('v1', { location, days: [] })).toThrow(TypeError);
    expect(() =>
      s.createWeekly('v1', {
        location,
        days: [
          { dayOfWeek: 'MONDAY', startTime: '01:00', stopTime: '02:00' },
          { dayOfWeek: 'MONDAY', startTime: '03:00', stopTime: '04:00' },
        ],
      }),
    ).toThrow(/dayOfWeek/);
    expect(() => client.chargeSchedules.delete('v1', 'sch_1')).toThrow(/userId/);
    expect(fake.calls).toHaveLength(0);
  });
});
