import {
  APIError,
  CompatibilityError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  SmartcarClient,
} from '../src/index.js';
import { CREDENTIALS, fakeSmartcar, json, manualClock, v3Error, vehicleBody } from './fake-smartcar.js';

/**
 * Retry policy and token cache, end to end through the pipeline, on an
 * injected clock: the injected `sleep` only moves that clock, so nothing waits.
 */

type Step = number | 'network' | { status: number; headers?: Record<string, string> };

const START = Date.UTC(2026, 4, 1);

function setup(steps: Step[]) {
  const clock = manualClock(START);
  const waits: number[] = [];
  let i = 0;
  const fake = fakeSmartcar(() => {
    const step = steps[Math.min(i, steps.length - 1)]!;
    i += 1;
    if (step === 'network') throw new TypeError('fetch failed: ECONNRESET');
    const { status, headers } = typeof step === 'number' ? { status: step, headers: {} } : step;
    if (status === 204) return new Response(null, { status });
    if (status >= 400) return json(status, v3Error(status, 'X', 'Y'), headers);
    return json(status, okBody);
  });
  const client = new SmartcarClient({
    ...CREDENTIALS,
    fetch: fake.fetch,
    clock,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
  });
  return { client, fake, waits, clock, elapsed: () => clock.now() - START };
}

/** One body every success path can read: a vehicle, a command execution, a schedule execution. */
const okBody = {
  data: {
    ...vehicleBody('v1').data,
    attributes: {
      ...vehicleBody('v1').data.attributes,
      commandType: 'security-lock',
      status: { value: 'SUCCESS' },
      scheduleId: 'sch_1',
    },
  },
};

type Call = (c: SmartcarClient) => PromiseLike<unknown>;
const read: Call = (c) => c.vehicles.retrieve('v1');
const lock: Call = (c) => c.commands.lock('v1', { userId: 'u' });
const lockWithKey: Call = (c) => c.commands.lock('v1', { userId: 'u', idempotencyKey: 'key-1' });
const subscribe: Call = (c) => c.subscriptions.create({ webhookId: 'w', userId: 'u', vehicleId: 'v1' });
const disconnect: Call = (c) => c.connections.delete('conn-1');
const schedule: Call = (c) =>
  c.chargeSchedules.createDaily(
    'v1',
    { location: { latitude: 1, longitude: 2 }, startTime: '01:00', stopTime: '02:00' },
    { userId: 'u' },
  );

const rows: {
  name: string;
  call: Call;
  steps: Step[];
  attempts: number;
  waits: number[];
  error?: new (...args: never[]) => Error;
}[] = [
  // backoff 0.5 s · 2^n minus 25 % · random(0.5) of jitter → 438 ms, 875 ms
  {
    name: 'read: 503, 503, 200 → backoff with jitter',
    call: read,
    steps: [503, 503, 200],
    attempts: 3,
    waits: [438, 875],
  },
  {
    name: 'read: 429 retry-after: 3 → waits exactly 3 s',
    call: read,
    steps: [{ status: 429, headers: { 'retry-after': '3' } }, 200],
    attempts: 2,
    waits: [3000],
  },
  { name: 'read: 408 → retried', call: read, steps: [408, 200], attempts: 2, waits: [438] },
  {
    name: 'read: connection error → retried',
    call: read,
    steps: ['network', 200],
    attempts: 2,
    waits: [438],
  },
  {
    name: 'read: three 500s → gives up after maxRetries (2)',
    call: read,
    steps: [500],
    attempts: 3,
    waits: [438, 875],
    error: InternalServerError,
  },
  {
    name: 'read: 501 → never retried',
    call: read,
    steps: [501],
    attempts: 1,
    waits: [],
    error: CompatibilityError,
  },
  {
    name: 'read: 404 → never retried',
    call: read,
    steps: [404],
    attempts: 1,
    waits: [],
    error: NotFoundError,
  },
  {
    name: 'read: 429 retry-after: 3600 → left to the caller',
    call: read,
    steps: [{ status: 429, headers: { 'retry-after': '3600' } }],
    attempts: 1,
    waits: [],
    error: RateLimitError,
  },
  {
    name: 'DELETE: 503, 204 → retried (idempotent)',
    call: disconnect,
    steps: [503, 204],
    attempts: 2,
    waits: [438],
  },
  {
    name: 'command: 503 → one attempt, no retry',
    call: lock,
    steps: [503, 200],
    attempts: 1,
    waits: [],
    error: InternalServerError,
  },
  {
    name: 'command: 429 retry-after: 3 → one attempt',
    call: lock,
    steps: [{ status: 429, headers: { 'retry-after': '3' } }, 200],
    attempts: 1,
    waits: [],
    error: RateLimitError,
  },
  {
    name: 'command: connection error → one attempt',
    call: lock,
    steps: ['network', 200],
    attempts: 1,
    waits: [],
    error: ConnectionError,
  },
  {
    name: 'command with idempotencyKey: 503, 200 → retried',
    call: lockWithKey,
    steps: [503, 200],
    attempts: 2,
    waits: [438],
  },
  {
    name: 'charge schedule: 503 → one attempt',
    call: schedule,
    steps: [503, 200],
    attempts: 1,
    waits: [],
    error: InternalServerError,
  },
  {
    name: 'subscription create (POST): 503 → one attempt',
    call: subscribe,
    steps: [503, 202],
    attempts: 1,
    waits: [],
    error: InternalServerError,
  },
];

describe('retry policy through the pipeline', () => {
  test.each(rows)('$name', async ({ call, steps, attempts, waits, error }) => {
    const env = setup(steps);
    const outcome = await Promise.resolve(call(env.client)).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error) expect(outcome).toBeInstanceOf(error);
    else expect(outcome).toBeUndefined();
    expect(env.fake.apiCalls()).toHaveLength(attempts);
    expect(env.waits).toEqual(waits);
    expect(env.elapsed()).toBe(waits.reduce((a, b) => a + b, 0));
  });

  test('the same Idempotency-Key goes with every attempt of a command', async () => {
    const env = setup([503, 503, 200]);
    await lockWithKey(env.client);
    expect(env.fake.apiCalls().map((c) => c.headers.get('idempotency-key'))).toEqual([
      'key-1',
      'key-1',
      'key-1',
    ]);
  });

  test('a command without a key carries no Idempotency-Key and is sent once', async () => {
    const env = setup([503]);
    await expect(lock(env.client)).rejects.toBeInstanceOf(APIError);
    const calls = env.fake.apiCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.has('idempotency-key')).toBe(false);
  });
});

describe('token cache on the injected clock', () => {
  test('1,000 concurrent calls on a cold cache make exactly one token request', async () => {
    const env = setup([200]);
    await Promise.all(Array.from({ length: 1000 }, () => env.client.vehicles.retrieve('v1')));
    expect(env.fake.tokenRequests()).toBe(1);
    expect(env.fake.apiCalls()).toHaveLength(1000);
  });

  test('a 401 invalidates the token and retries once, outside the retry budget', async () => {
    const env = setup([401, 200]);
    await env.client.vehicles.retrieve('v1', { maxRetries: 0 });
    expect(env.fake.tokenRequests()).toBe(2);
    expect(env.fake.apiCalls().map((c) => c.headers.get('authorization'))).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
    ]);
    expect(env.waits).toEqual([]);
  });

  test('the token is renewed once the injected clock reaches 55 min, by one request', async () => {
    const env = setup([200]);
    await env.client.vehicles.retrieve('v1');
    env.clock.advance(55 * 60_000 - 1);
    await env.client.vehicles.retrieve('v1');
    expect(env.fake.tokenRequests()).toBe(1);
    env.clock.advance(1);
    await Promise.all(Array.from({ length: 100 }, () => env.client.vehicles.retrieve('v1')));
    expect(env.fake.tokenRequests()).toBe(2);
    expect(env.fake.apiCalls().at(-1)?.headers.get('authorization')).toBe('Bearer tok-2');
  });
});
