import { AuthenticationError, SmartcarClient, TokenCache } from '../src/index.js';
import {
  CREDENTIALS,
  fakeSmartcar,
  type Handler,
  json,
  manualClock,
  recordingSleep,
  v3Error,
  vehicleBody,
} from './fake-smartcar.js';

function setup(handler: Handler = () => json(200, vehicleBody('v1')), expiresIn = 3600) {
  const clock = manualClock();
  const fake = fakeSmartcar(handler, { expiresIn });
  const client = new SmartcarClient({
    ...CREDENTIALS,
    fetch: fake.fetch,
    clock,
    sleep: recordingSleep().sleep,
  });
  return { clock, fake, client };
}

describe('token cache', () => {
  test('100 concurrent calls on a cold cache make exactly one token request', async () => {
    const { fake, client } = setup();
    await Promise.all(Array.from({ length: 100 }, () => client.vehicles.retrieve('v1')));
    expect(fake.tokenRequests()).toBe(1);
    expect(fake.apiCalls()).toHaveLength(100);
    expect(new Set(fake.apiCalls().map((c) => c.headers.get('authorization')))).toEqual(
      new Set(['Bearer tok-1']),
    );
  });

  test('the token request is the documented form POST', async () => {
    const { fake, client } = setup();
    await client.tokens.get();
    const [req] = fake.calls;
    expect(req?.method).toBe('POST');
    expect(req?.url.toString()).toBe('https://iam.smartcar.com/oauth2/token');
    expect(req?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client_abc',
      client_secret: 's3cr3t',
    });
  });

  test('renews once when the clock passes expiry minus the margin, not before', async () => {
    const { clock, fake, client } = setup();
    await client.vehicles.retrieve('v1');
    clock.advance(3600_000 - 300_000 - 1);
    await Promise.all(Array.from({ length: 10 }, () => client.vehicles.retrieve('v1')));
    expect(fake.tokenRequests()).toBe(1);

    clock.advance(1);
    await Promise.all(Array.from({ length: 100 }, () => client.vehicles.retrieve('v1')));
    expect(fake.tokenRequests()).toBe(2);
    expect(fake.apiCalls().at(-1)?.headers.get('authorization')).toBe('Bearer tok-2');
  });

  test('a margin longer than the lifetime still keeps the token for half of it', async () => {
    const { clock, fake, client } = setup(undefined, 60);
    await client.tokens.get();
    clock.advance(29_000);
    await client.tokens.get();
    expect(fake.tokenRequests()).toBe(1);
    clock.advance(1_000);
    await client.tokens.get();
    expect(fake.tokenRequests()).toBe(2);
  });

  test('a failed token request is not cached', async () => {
    let fail = true;
    const clock = manualClock();
    const cache = new TokenCache({
      clock,
      refreshMargin: 0,
      issue: async () => {
        if (fail) throw new Error('down');
        return { accessToken: 'ok', expiresIn: 3600 };
      },
    });
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow('down');
    fail = false;
    await expect(cache.get()).resolves.toBe('ok');
  });

  test('invalidate(token) only drops that token', async () => {
    const { fake, client } = setup();
    await client.tokens.get();
    client.tokens.invalidate('tok-other');
    await client.tokens.get();
    expect(fake.tokenRequests()).toBe(1);
    client.tokens.invalidate();
    expect(await client.tokens.get()).toBe('tok-2');
  });
});

describe('the 401 rule', () => {
  test('a 401 invalidates the token and retries exactly once with a fresh one', async () => {
    const { fake, client } = setup((req) =>
      req.headers.get('authorization') === 'Bearer tok-1'
        ? json(401, v3Error(401, 'AUTHENTICATION', 'UNAUTHORIZED'))
        : json(200, vehicleBody('v1')),
    );
    const vehicle = await client.vehicles.retrieve('v1', { maxRetries: 0 });
    expect(vehicle.id).toBe('v1');
    expect(fake.tokenRequests()).toBe(2);
    expect(fake.apiCalls().map((c) => c.headers.get('authorization'))).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
    ]);
  });

  test('a second 401 throws AuthenticationError', async () => {
    const { fake, client } = setup(() =>
      json(401, v3Error(401, 'AUTHENTICATION', 'UNAUTHORIZED'), { 'sc-request-id': 'r-401' }),
    );
    const error = await client.vehicles.retrieve('v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      type: 'AUTHENTICATION',
      code: 'UNAUTHORIZED',
      requestId: 'r-401',
    });
    expect(fake.apiCalls()).toHaveLength(2);
    expect(fake.tokenRequests()).toBe(2);
  });

  test('a burst of 401s on one stale token triggers one renewal', async () => {
    const { fake, client } = setup((req) =>
      req.headers.get('authorization') === 'Bearer tok-1'
        ? json(401, v3Error(401, 'AUTHENTICATION', 'UNAUTHORIZED'))
        : json(200, vehicleBody('v1')),
    );
    await Promise.all(Array.from({ length: 20 }, () => client.vehicles.retrieve('v1')));
    expect(fake.tokenRequests()).toBe(2);
  });
});
