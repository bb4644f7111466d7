import {
  connectionListResponseSchema,
  oauthErrorSchema,
  tokenResponseSchema,
  v3ErrorEnvelopeSchema,
  vehicleResponseSchema,
} from '@paddock/contract';
import { createEmulator, createManualClock } from '@paddock/emulator';
import { NotFoundError, OAuthError, SmartcarClient } from '../src/index.js';

/** SDK ↔ emulator in process: every raw emulator answer is also checked against the contract. */

const ORIGIN = 'http://emulator.test';
const APP = {
  clientId: 'client_contract',
  clientSecret: 'contract-secret',
  managementToken: 'amt-contract',
  redirectUris: ['http://localhost:8000/exchange'],
};

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

/** The contract schema a raw response must satisfy, by surface and status. */
function schemaFor(url: URL, status: number): [string, Schema] | undefined {
  const ok = status >= 200 && status < 300;
  if (url.pathname === '/oauth2/token')
    return ok ? ['token', tokenResponseSchema] : ['oauth error', oauthErrorSchema];
  if (!url.pathname.startsWith('/v3/')) return undefined;
  if (!ok) return ['v3 error', v3ErrorEnvelopeSchema];
  if (url.pathname === '/v3/connections') return ['connection list', connectionListResponseSchema];
  if (/^\/v3\/vehicles\/[^/]+$/.test(url.pathname)) return ['vehicle', vehicleResponseSchema];
  return undefined;
}

function setup() {
  const clock = createManualClock(Date.UTC(2026, 4, 1, 9, 0, 0));
  const emulator = createEmulator({ clock, applications: [APP] });
  const checked: string[] = [];
  const violations: string[] = [];
  let tokenRequests = 0;

  const checkingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/oauth2/token') tokenRequests += 1;
    const res = await emulator.fetch(input, init);
    const found = schemaFor(url, res.status);
    if (found) {
      const [name, schema] = found;
      const text = await res.clone().text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        violations.push(`${url.pathname} ${res.status}: not JSON: ${text.slice(0, 80)}`);
      }
      const result = schema.safeParse(body);
      if (result.success) checked.push(`${name} ${res.status}`);
      else violations.push(`${url.pathname} ${res.status} vs ${name} schema: ${String(result.error)}`);
    }
    return res;
  }) as typeof fetch;

  const client = (overrides: Partial<ConstructorParameters<typeof SmartcarClient>[0]> = {}) =>
    new SmartcarClient({
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      emulatorOrigin: ORIGIN,
      fetch: checkingFetch,
      clock,
      sleep: async () => {},
      ...overrides,
    });

  const connect = async (email: string, mode: 'live' | 'simulated') => {
    const res = await emulator.fetch(`${ORIGIN}/_emulator/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: APP.clientId, email, mode }),
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { userId: string; vehicleIds: string[]; connectionIds: string[] };
  };

  return { clock, client, connect, checked, violations, tokenRequests: () => tokenRequests };
}

describe('SDK against the emulator', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  afterEach(() => {
    expect(env.violations).toEqual([]);
  });

  test('lists a user’s connections, walking pages, and retrieves each vehicle', async () => {
    const user = await env.connect('3-vehicles@smartcar.com', 'simulated');
    expect(user.vehicleIds).toHaveLength(3);
    // Another user's vehicles must stay out of every page, so the filters have to survive links.next.
    await env.connect('2-vehicles@smartcar.com', 'simulated');
    const sdk = env.client();

    const connections = [];
    for await (const c of sdk.connections.list({
      userId: user.userId,
      vehicleMode: 'simulated',
      pageSize: 2,
    })) {
      connections.push(c);
    }
    expect(connections.map((c) => c.vehicleId).sort()).toEqual([...user.vehicleIds].sort());
    expect(connections.map((c) => c.id).sort()).toEqual([...user.connectionIds].sort());
    for (const c of connections) {
      expect(c.userId).toBe(user.userId);
      expect(c.permissions.length).toBeGreaterThan(0);
      expect(c.createdAt).toBeInstanceOf(Date);
      expect(c.vehicle?.mode).toBe('simulated');
    }

    const first = await sdk.connections.list({ userId: user.userId, vehicleMode: 'simulated', pageSize: 2 });
    expect(first).toMatchObject({ totalCount: 3, pageNumber: 1, pageSize: 2 });
    expect(first.hasNextPage()).toBe(true);

    for (const c of connections) {
      const vehicle = await sdk.vehicles.retrieve(c.vehicleId, { userId: user.userId });
      expect(vehicle).toMatchObject({
        id: c.vehicleId,
        make: c.vehicle?.make,
        model: c.vehicle?.model,
        mode: 'simulated',
      });
      expect(vehicle.year).toBeGreaterThan(1900);
    }
    expect(env.checked).toContain('connection list 200');
    expect(env.checked).toContain('vehicle 200');
    expect(env.checked).toContain('token 200');
  });

  test('a live connection shows up without a mode filter', async () => {
    const user = await env.connect('driver@example.com', 'live');
    const page = await env.client().connections.list({ userId: user.userId });
    expect(page.data.map((c) => c.vehicleId).sort()).toEqual([...user.vehicleIds].sort());
  });

  test('one token request serves 100 concurrent calls; one more once the clock passes expiry minus margin', async () => {
    const user = await env.connect('1-vehicles@smartcar.com', 'live');
    const vehicleId = user.vehicleIds[0]!;
    const sdk = env.client();
    await Promise.all(Array.from({ length: 100 }, () => sdk.vehicles.retrieve(vehicleId)));
    expect(env.tokenRequests()).toBe(1);

    env.clock.advance(3600_000 - 300_000 - 1_000);
    await Promise.all(Array.from({ length: 100 }, () => sdk.vehicles.retrieve(vehicleId)));
    expect(env.tokenRequests()).toBe(1);

    env.clock.advance(1_000);
    await Promise.all(Array.from({ length: 100 }, () => sdk.vehicles.retrieve(vehicleId)));
    expect(env.tokenRequests()).toBe(2);
  });

  test('a token the emulator has expired gets one 401, one renewal and a success', async () => {
    const user = await env.connect('1-vehicles@smartcar.com', 'live');
    // The SDK's clock stands still, so only the emulator knows the token expired.
    const frozen = { now: () => Date.UTC(2026, 4, 1, 9, 0, 0) };
    const sdk = env.client({ clock: frozen });
    await sdk.tokens.get();
    env.clock.advance(3600_000 + 1_000);
    await expect(sdk.vehicles.retrieve(user.vehicleIds[0]!, { maxRetries: 0 })).resolves.toMatchObject({
      id: user.vehicleIds[0],
    });
    expect(env.tokenRequests()).toBe(2);
    expect(env.checked).toContain('v3 error 401');
  });

  test('a wrong client secret is OAuthError invalid_client', async () => {
    const error = await env
      .client({ clientSecret: 'wrong-secret' })
      .tokens.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).error).toBe('invalid_client');
    expect((error as OAuthError).status).toBe(401);
    expect(String((error as Error).message)).not.toContain('wrong-secret');
    expect(env.checked).toContain('oauth error 401');
  });

  test('an unknown vehicle is NotFoundError VEHICLE_NOT_FOUND with a request id', async () => {
    const error = await env
      .client()
      .vehicles.retrieve('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, type: 'RESOURCE_NOT_FOUND', code: 'VEHICLE_NOT_FOUND' });
    expect((error as NotFoundError).requestId).toEqual(expect.any(String));
    expect(env.checked).toContain('v3 error 404');
  });
});
