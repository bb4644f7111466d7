import {
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  OAuthError,
  RateLimitError,
  SmartcarClient,
  TimeoutError,
} from '../src/index.js';
import {
  CREDENTIALS,
  fakeSmartcar,
  type Handler,
  hang,
  json,
  manualClock,
  recordingSleep,
  v3Error,
  vehicleBody,
} from './fake-smartcar.js';

function setup(handler: Handler, options: { tokenHandler?: Handler; timeout?: number } = {}) {
  const clock = manualClock();
  const sleeper = recordingSleep();
  const fake = fakeSmartcar(handler, { tokenHandler: options.tokenHandler });
  const client = new SmartcarClient({
    ...CREDENTIALS,
    fetch: fake.fetch,
    clock,
    sleep: sleeper.sleep,
    random: () => 0,
    timeout: options.timeout,
  });
  return { clock, fake, client, delays: sleeper.delays };
}

/** Answers with each response in turn, then the last one forever. */
function sequence(...responses: (() => Response | Promise<Response>)[]): Handler {
  let i = 0;
  return () => {
    const next = responses[Math.min(i, responses.length - 1)];
    i += 1;
    return next!();
  };
}

describe('request pipeline', () => {
  test('sends the bearer token, sc-user-id, Accept and a User-Agent', async () => {
    const { fake, client } = setup(() => json(200, vehicleBody('v 1/x')));
    await client.vehicles.retrieve('v 1/x', { userId: 'user-1', headers: { 'X-Trace': 't1' } });
    const [req] = fake.apiCalls();
    expect(req?.url.toString()).toBe('https://vehicle.api.smartcar.com/v3/vehicles/v%201%2Fx');
    expect(req?.headers.get('authorization')).toBe('Bearer tok-1');
    expect(req?.headers.get('sc-user-id')).toBe('user-1');
    expect(req?.headers.get('accept')).toBe('application/json');
    expect(req?.headers.get('user-agent')).toMatch(/^paddock-sdk\/\d/);
    expect(req?.headers.get('x-trace')).toBe('t1');
  });

  test('omits sc-user-id when no userId is given', async () => {
    const { fake, client } = setup(() => json(200, vehicleBody('v1')));
    await client.vehicles.retrieve('v1');
    expect(fake.apiCalls()[0]?.headers.has('sc-user-id')).toBe(false);
  });

  test('retry-after: 3 on a 429 read waits 3000 ms on the injected sleep', async () => {
    const { fake, client, delays } = setup(
      sequence(
        () => json(429, v3Error(429, 'RATE_LIMIT', 'VEHICLE'), { 'retry-after': '3' }),
        () => json(200, vehicleBody('v1')),
      ),
    );
    await expect(client.vehicles.retrieve('v1')).resolves.toMatchObject({ id: 'v1' });
    expect(delays).toEqual([3000]);
    expect(fake.apiCalls()).toHaveLength(2);
  });

  test('an HTTP-date retry-after is measured against the injected clock', async () => {
    const { clock, client, delays } = setup(
      sequence(
        () =>
          json(429, v3Error(429, 'RATE_LIMIT', 'VEHICLE'), {
            'retry-after': new Date(clock.now() + 5_000).toUTCString(),
          }),
        () => json(200, vehicleBody('v1')),
      ),
    );
    await client.vehicles.retrieve('v1');
    expect(delays).toEqual([5000]);
  });

  test('5xx reads back off 0.5 s then 1 s and give up after maxRetries', async () => {
    const { fake, client, delays } = setup(() => json(503, v3Error(503, 'SERVER', 'INTERNAL')));
    await expect(client.vehicles.retrieve('v1')).rejects.toBeInstanceOf(InternalServerError);
    expect(delays).toEqual([500, 1000]);
    expect(fake.apiCalls()).toHaveLength(3);
  });

  test('per-call maxRetries overrides the client default', async () => {
    const { fake, client } = setup(() => json(500, 'oops'));
    await expect(client.vehicles.retrieve('v1', { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fake.apiCalls()).toHaveLength(1);
  });

  test('a 429 with a long retry-after is not held inside the call', async () => {
    const { client, delays } = setup(() =>
      json(429, v3Error(429, 'RATE_LIMIT', 'SMARTCAR_API'), { 'retry-after': '3600' }),
    );
    const error = await client.vehicles.retrieve('v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3600);
    expect(delays).toEqual([]);
  });

  test('connection errors are retried and then surface as ConnectionError', async () => {
    const { fake, client, delays } = setup(() => {
      throw new TypeError('fetch failed');
    });
    const error = await client.vehicles.retrieve('v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('fetch failed');
    expect(fake.apiCalls()).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  test('not-found is not retried', async () => {
    const { fake, client } = setup(() => json(404, v3Error(404, 'RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND')));
    await expect(client.vehicles.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.apiCalls()).toHaveLength(1);
  });

  test('a timeout produces TimeoutError', async () => {
    const { fake, client } = setup(hang, { timeout: 20 });
    const error = await client.vehicles.retrieve('v1', { maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(fake.apiCalls()).toHaveLength(2);
  });

  test('a signal is lent again only after its attempt ended without an abort', async () => {
    let hangNext = false;
    const { fake, client } = setup((req) => (hangNext ? hang(req) : json(200, vehicleBody('v1'))), {
      timeout: 20,
    });
    await client.vehicles.retrieve('v1');
    await client.vehicles.retrieve('v1');
    const [first, second] = fake.apiCalls().map((c) => c.signal);
    // Finished attempts: the next one may use the same (never aborted) signal.
    expect(second).toBe(first);
    expect(first?.aborted).toBe(false);
    hangNext = true;
    await expect(client.vehicles.retrieve('v1', { maxRetries: 0 })).rejects.toBeInstanceOf(TimeoutError);
    const timedOut = fake.apiCalls()[2]!.signal!;
    expect(timedOut.aborted).toBe(true);
    hangNext = false;
    await client.vehicles.retrieve('v1');
    const after = fake.apiCalls()[3]!.signal!;
    expect(after).not.toBe(timedOut);
    expect(after.aborted).toBe(false);
    // Two calls at once never share one.
    await Promise.all([client.vehicles.retrieve('v1'), client.vehicles.retrieve('v1')]);
    const [a, b] = fake
      .apiCalls()
      .slice(4)
      .map((c) => c.signal);
    expect(a).not.toBe(b);
  });

  test('a per-call timeout overrides the client one', async () => {
    const { client } = setup(hang, { timeout: 60_000 });
    await expect(client.vehicles.retrieve('v1', { timeout: 10, maxRetries: 0 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  test('the caller signal aborts the request and nothing is retried', async () => {
    const { fake, client } = setup(hang);
    const controller = new AbortController();
    const pending = client.vehicles.retrieve('v1', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.apiCalls()).toHaveLength(1));
    controller.abort(new Error('user gave up'));
    const error = await pending;
    expect((error as Error).message).toBe('user gave up');
    expect(fake.apiCalls()).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { fake, client } = setup(() => json(200, vehicleBody('v1')));
    const error = await client.vehicles
      .retrieve('v1', { signal: AbortSignal.abort() })
      .catch((e: unknown) => e as Error);
    expect((error as Error).name).toBe('AbortError');
    expect(fake.calls).toHaveLength(0);
  });

  test('aborting during the backoff wait stops the retries', async () => {
    const controller = new AbortController();
    const fake = fakeSmartcar(() => json(503, v3Error(503, 'SERVER', 'INTERNAL')));
    const client = new SmartcarClient({
      ...CREDENTIALS,
      fetch: fake.fetch,
      sleep: () => new Promise(() => controller.abort(new Error('stop'))),
    });
    await expect(client.vehicles.retrieve('v1', { signal: controller.signal })).rejects.toThrow('stop');
    expect(fake.apiCalls()).toHaveLength(1);
  });

  test('a success body that is not JSON is an InvalidResponseError', async () => {
    const { client } = setup(() => new Response('<html>gateway</html>', { status: 200 }));
    await expect(client.vehicles.retrieve('v1')).rejects.toBeInstanceOf(InvalidResponseError);
  });

  test('a vehicle body without required fields is an InvalidResponseError', async () => {
    const { client } = setup(() => json(200, { data: { id: 'v1', attributes: { make: 'TESLA' } } }));
    await expect(client.vehicles.retrieve('v1')).rejects.toThrow(/lacks model, year/);
  });

  test('an empty vehicleId is a TypeError thrown at the call, before any I/O', () => {
    const { fake, client } = setup(() => json(200, vehicleBody('v1')));
    expect(() => client.vehicles.retrieve('')).toThrow(TypeError);
    expect(() => client.vehicles.retrieve(undefined as unknown as string)).toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('token endpoint errors', () => {
  test('a wrong client secret is OAuthError invalid_client, not retried', async () => {
    const { fake, client } = setup(() => json(200, vehicleBody('v1')), {
      tokenHandler: () =>
        json(
          401,
          { error: 'invalid_client', error_description: 'Client authentication failed' },
          {
            'sc-request-id': 'iam-1',
          },
        ),
    });
    const error = await client.vehicles.retrieve('v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      error: 'invalid_client',
      errorDescription: 'Client authentication failed',
      status: 401,
      requestId: 'iam-1',
    });
    expect((error as Error).message).not.toContain('s3cr3t');
    expect(fake.calls).toHaveLength(1);
  });

  test('a 5xx from the token endpoint is retried like the call itself', async () => {
    let n = 0;
    const { fake, client, delays } = setup(() => json(200, vehicleBody('v1')), {
      tokenHandler: () => {
        n += 1;
        return n === 1
          ? new Response('bad gateway', { status: 502 })
          : json(200, { access_token: 'tok-ok', token_type: 'Bearer', expires_in: 3600 });
      },
    });
    await expect(client.vehicles.retrieve('v1')).resolves.toMatchObject({ id: 'v1' });
    expect(delays).toEqual([500]);
    expect(fake.apiCalls()[0]?.headers.get('authorization')).toBe('Bearer tok-ok');
  });

  test('a token response without access_token is an InvalidResponseError', async () => {
    const { client } = setup(() => json(200, vehicleBody('v1')), {
      tokenHandler: () => json(200, { token_type: 'Bearer' }),
    });
    await expect(client.tokens.get()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
