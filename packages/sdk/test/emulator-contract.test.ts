import { NotFoundError, OAuthError } from '../src/index.js';
import { createHarness, type Harness } from './emulator-harness.js';

/** The guide's calls against the in-process emulator: connections, vehicles, the token and its errors. */

describe('SDK against the emulator', () => {
  let env: Harness;
  beforeEach(() => {
    env = createHarness();
  });
  afterEach(async () => {
    await env.settled();
    expect(env.violations).toEqual([]);
  });

  test('lists a user’s connections, walking pages, and retrieves each vehicle', async () => {
    const user = await env.connect('3-vehicles@smartcar.com', { mode: 'simulated' });
    expect(user.vehicleIds).toHaveLength(3);
    // Another user's vehicles must stay out of every page, so the filters have to survive links.next.
    await env.connect('2-vehicles@smartcar.com', { mode: 'simulated' });
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
    const user = await env.connect('driver@example.com', { mode: 'live' });
    const page = await env.client().connections.list({ userId: user.userId });
    expect(page.data.map((c) => c.vehicleId).sort()).toEqual([...user.vehicleIds].sort());
  });

  test('one token request serves 100 concurrent calls; one more once the clock passes expiry minus margin', async () => {
    const user = await env.connect('1-vehicles@smartcar.com', { mode: 'live' });
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
    const user = await env.connect('1-vehicles@smartcar.com', { mode: 'live' });
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
