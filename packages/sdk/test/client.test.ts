import { createHmac } from 'node:crypto';
import { resolveOrigins } from '../src/core/origins.js';
import { resolveLink } from '../src/core/request.js';
import { path, SmartcarClient } from '../src/index.js';
import { CREDENTIALS, fakeSmartcar, json, vehicleBody } from './fake-smartcar.js';

describe('origins', () => {
  test('Smartcar hosts by default', () => {
    expect(resolveOrigins(undefined, undefined)).toEqual({
      connect: 'https://connect.smartcar.com',
      iam: 'https://iam.smartcar.com',
      vehicleApi: 'https://vehicle.api.smartcar.com',
      managementApi: 'https://management.api.smartcar.com',
    });
  });

  test('emulatorOrigin points all four at the emulator; explicit origins win', () => {
    expect(resolveOrigins({ iam: 'http://iam.local/' }, 'http://localhost:4010/')).toEqual({
      connect: 'http://localhost:4010',
      iam: 'http://iam.local',
      vehicleApi: 'http://localhost:4010',
      managementApi: 'http://localhost:4010',
    });
  });

  test('token and API calls go to the emulator', async () => {
    const fake = fakeSmartcar(() => json(200, vehicleBody('v1')));
    const client = new SmartcarClient({
      ...CREDENTIALS,
      fetch: fake.fetch,
      emulatorOrigin: 'http://localhost:4010',
    });
    await client.vehicles.retrieve('v1');
    expect(fake.calls.map((c) => c.url.toString())).toEqual([
      'http://localhost:4010/oauth2/token',
      'http://localhost:4010/v3/vehicles/v1',
    ]);
  });

  test('links resolve against the configured origin only', () => {
    const o = 'http://localhost:4010';
    expect(resolveLink(o, 'https://evil.example/v3/connections?page%5Bnumber%5D=2')).toBe(
      'http://localhost:4010/v3/connections?page%5Bnumber%5D=2',
    );
    expect(resolveLink(o, '/v3/connections?a=1')).toBe('http://localhost:4010/v3/connections?a=1');
    expect(resolveLink(o, '/connections?a=1')).toBe('http://localhost:4010/v3/connections?a=1');
    expect(resolveLink(o, 'connections?a=1')).toBe('http://localhost:4010/v3/connections?a=1');
  });
});

describe('path', () => {
  test('encodes each segment', () => {
    expect(path`/v3/vehicles/${'a/b?c#d'}/signals/${'x y'}`).toBe('/v3/vehicles/a%2Fb%3Fc%23d/signals/x%20y');
    expect(path`/v3/vehicles/${'..'}`).toBe('/v3/vehicles/%2E%2E');
    expect(() => path`/v3/vehicles/${''}`).toThrow(TypeError);
  });
});

describe('SmartcarClient options', () => {
  test('missing or bad options are TypeErrors', () => {
    expect(() => new SmartcarClient({ clientId: '', clientSecret: 'x' })).toThrow(/clientId/);
    expect(() => new SmartcarClient({ clientId: 'x' } as never)).toThrow(/clientSecret/);
    expect(() => new SmartcarClient({ ...CREDENTIALS, timeout: -1 })).toThrow(TypeError);
    expect(() => new SmartcarClient({ ...CREDENTIALS, mode: 'prod' as 'live' })).toThrow(TypeError);
    expect(() => new SmartcarClient({ ...CREDENTIALS, emulatorOrigin: 'localhost:4010' })).toThrow(TypeError);
    expect(() => new SmartcarClient(undefined as never)).toThrow(TypeError);
  });

  test('fromEnv reads the guide’s variable names and nothing else', () => {
    const client = SmartcarClient.fromEnv({
      SMARTCAR_CLIENT_ID: 'id-env',
      SMARTCAR_CLIENT_SECRET: 'secret-env',
      SMARTCAR_REDIRECT_URI: 'http://localhost:8000/exchange',
      SMARTCAR_MODE: 'simulated',
    });
    expect(Object.fromEntries(new URL(client.buildConnectUrl()).searchParams)).toEqual({
      response_type: 'code',
      client_id: 'id-env',
      redirect_uri: 'http://localhost:8000/exchange',
      mode: 'simulated',
    });
  });

  test('fromEnv takes the management token from SMARTCAR_MANAGEMENT_TOKEN; overrides win', () => {
    const env = {
      SMARTCAR_CLIENT_ID: 'a',
      SMARTCAR_CLIENT_SECRET: 'b',
      SMARTCAR_MANAGEMENT_TOKEN: 'amt-env',
    };
    const expected = createHmac('sha256', 'amt-env').update('abc').digest('hex');
    expect(SmartcarClient.fromEnv(env).webhooks.answerChallenge('abc')).toEqual({ challenge: expected });
    const overridden = SmartcarClient.fromEnv(env, { managementToken: 'amt-other' });
    expect(overridden.webhooks.answerChallenge('abc')).not.toEqual({ challenge: expected });
    expect(() =>
      SmartcarClient.fromEnv({ ...env, SMARTCAR_MANAGEMENT_TOKEN: '' }).webhooks.verify('{}', 'x'),
    ).toThrow(/managementToken/);
  });

  test('withOptions changes per-call defaults and keeps the rest', async () => {
    const fake = fakeSmartcar(() => json(200, { data: [], meta: {}, links: {} }));
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch });
    await client.withOptions({ unitSystem: 'imperial' }).signals.list('v1', { userId: 'u' });
    await client.signals.list('v1', { userId: 'u' });
    expect(fake.apiCalls().map((c) => c.headers.get('sc-unit-system'))).toEqual(['imperial', null]);
    expect(() => client.withOptions({ unitSystem: 'kelvin' as never })).toThrow(TypeError);
    expect(() => client.withOptions({ commandTimeout: -1 })).toThrow(TypeError);
  });

  test('fromEnv reports every missing variable and a bad mode, without values', () => {
    expect(() => SmartcarClient.fromEnv({})).toThrow(
      'Missing environment variable(s): SMARTCAR_CLIENT_ID, SMARTCAR_CLIENT_SECRET',
    );
    expect(() =>
      SmartcarClient.fromEnv({ SMARTCAR_CLIENT_ID: 'a', SMARTCAR_CLIENT_SECRET: 'b', SMARTCAR_MODE: 'prod' }),
    ).toThrow(TypeError);
  });

  test('withOptions shares the token while credentials stay the same', async () => {
    const fake = fakeSmartcar(() => json(200, vehicleBody('v1')));
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch });
    const patient = client.withOptions({ timeout: 120_000, maxRetries: 5 });
    expect(patient.tokens).toBe(client.tokens);
    await client.vehicles.retrieve('v1');
    await patient.vehicles.retrieve('v1');
    expect(fake.tokenRequests()).toBe(1);
    expect(client.withOptions({ clientSecret: 'other' }).tokens).not.toBe(client.tokens);
  });
});
