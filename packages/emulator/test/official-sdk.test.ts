import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  connectionListResponseSchema,
  signalListResponseSchema,
  signalResponseSchema,
  vehicleResponseSchema,
} from '@paddock/contract';
import smartcar from 'smartcar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createEmulator,
  type Emulator,
  generateDevelopmentCredentials,
  startEmulator,
} from '../src/index.js';
import { Browser, locationOf } from './helpers/browser.js';
import { page } from './helpers/connect-flow.js';

// The official Node SDK (npm `smartcar`) and code written from Smartcar's
// getting-started guide, unchanged but for their hosts, against a real
// emulator socket. The SDK reads its origins from the environment at call time.

const REDIRECT_URI = 'http://localhost:8000/exchange';
const app = generateDevelopmentCredentials([REDIRECT_URI]);
let emulator: Emulator;
let server: { url: string; close(): Promise<void> };
const saved = { api: process.env.SMARTCAR_API_ORIGIN, v3: process.env.SMARTCAR_API_V3_ORIGIN };

beforeAll(async () => {
  emulator = createEmulator({ applications: [app] });
  server = await startEmulator({ port: 0, emulator, tickMs: 0 });
  process.env.SMARTCAR_API_ORIGIN = server.url;
  process.env.SMARTCAR_API_V3_ORIGIN = server.url;
});
afterAll(async () => {
  for (const [name, value] of [
    ['SMARTCAR_API_ORIGIN', saved.api],
    ['SMARTCAR_API_V3_ORIGIN', saved.v3],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await server.close();
});

/** The guide's token request, to the emulator's IAM endpoint. */
async function getAccessToken(): Promise<string> {
  const response = await fetch(`${server.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }),
  });
  const data = (await response.json()) as { access_token: string };
  return data.access_token;
}

/** Walks the Connect pages of a URL the official AuthClient built, as a browser would. */
async function connectThrough(url: string, email: string): Promise<URL> {
  const origin = new URL(server.url).origin;
  const browser = new Browser(fetch, origin);
  const opened = await browser.get(url);
  expect(opened.status).toBe(303);
  let html = await page(browser, locationOf(opened, origin).toString());
  const step = async (fields: Record<string, string | string[]>) => {
    const { res, next } = await submitOn(browser, html, fields, origin);
    if (next) html = next;
    return res;
  };
  if (html.includes('name="make"')) await step({ make: 'TESLA' });
  await step({ email, password: 'whatever' });
  const valuesOf = (name: string) =>
    [...html.matchAll(new RegExp(`name="${name}"[^>]*value="([^"]+)"`, 'g'))].map((m) => m[1]!);
  // Allow with every box left as Connect shows it: all permissions and vehicles ticked.
  const final = await step({
    action: 'allow',
    vehicle: valuesOf('vehicle'),
    permission: valuesOf('permission'),
  });
  expect(final.status).toBe(303);
  return locationOf(final, origin);
}

// The shared helper assumes the in-process origin; this one follows redirects on the real one.
async function submitOn(
  browser: Browser,
  html: string,
  fields: Record<string, string | string[]>,
  origin: string,
): Promise<{ res: Response; next?: string }> {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
  const csrf = html.match(/name="csrf_token"[^>]*value="([^"]+)"/)?.[1];
  const res = await browser.post(new URL(action!, origin).toString(), { csrf_token: csrf, ...fields });
  if (res.status !== 303) return { res };
  const to = locationOf(res, origin);
  if (to.origin !== origin) return { res };
  return { res, next: await page(browser, to.toString()) };
}

describe('the official smartcar SDK, pointed at the emulator by SMARTCAR_API_ORIGIN / SMARTCAR_API_V3_ORIGIN', () => {
  let userId: string;
  let vehicleId: string;
  let token: string;

  test('AuthClient#getAuthUrl opens the emulator’s Connect, which redirects with user_id and state', async () => {
    const client = new smartcar.AuthClient({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      mode: 'simulated',
    });
    const url = client.getAuthUrl(['read_vehicle_info', 'read_battery', 'read_charge'], {
      state: 'from-sdk',
    });
    expect(url.startsWith(`${server.url}/oauth/authorize?`)).toBe(true);
    const redirect = await connectThrough(url, 'official-sdk@example.com');
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('from-sdk');
    userId = redirect.searchParams.get('user_id')!;
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the guide’s code lists connections with sc-user-id and reads connections[0].vehicleId', async () => {
    token = await getAccessToken();
    const res = await fetch(`${server.url}/v3/connections?filter[vehicle.mode]=simulated`, {
      headers: { Authorization: `Bearer ${token}`, 'sc-user-id': userId },
    });
    const body = connectionListResponseSchema.parse(await res.json());
    const { connections } = body;
    vehicleId = connections[0]!.vehicleId;
    expect(connections.every((c) => c.userId === userId)).toBe(true);
    expect(body.data.map((c) => c.relationships.vehicle.data.id)).toContain(vehicleId);
  });

  test('getVehicle works unchanged', async () => {
    const { body } = await smartcar.getVehicle(token, vehicleId);
    const vehicle = vehicleResponseSchema.parse(body);
    expect(vehicle.data.id).toBe(vehicleId);
    expect(vehicle.data.attributes.make).toBe('TESLA');
  });

  test('Vehicle#getSignals and #getSignal send no sc-user-id, so they get the documented 400 MISSING_PARAMETER', async () => {
    const vehicle = new smartcar.Vehicle(vehicleId, token);
    for (const call of [
      () => vehicle.getSignals(),
      () => vehicle.getSignal('tractionbattery-stateofcharge'),
    ]) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(smartcar.SmartcarError);
      expect((error as InstanceType<typeof smartcar.SmartcarError>).statusCode).toBe(400);
    }
  });

  test('Vehicle#request with sc-user-id (the SDK’s documented way) reads the signals', async () => {
    const vehicle = new smartcar.Vehicle(vehicleId, token);
    const list = await vehicle.request('get', 'signals', null, { 'sc-user-id': userId }, '3');
    // The SDK moves the body's `meta` aside, as it does for every response.
    const signals = signalListResponseSchema.shape.data.parse((list.body as { data: unknown }).data);
    expect(signals.map((s) => s.attributes.code)).toContain('tractionbattery-stateofcharge');
    const one = await vehicle.request(
      'get',
      'signals/tractionbattery-stateofcharge',
      null,
      { 'sc-user-id': userId },
      '3',
    );
    // Here too the signal's own `meta` (retrievedAt…) is moved aside by the SDK.
    expect(signalResponseSchema.omit({ meta: true }).parse(one.body).attributes.status.value).toBe('SUCCESS');
  });
});

describe('a webhook receiver answering VERIFY with the official hashChallenge', () => {
  let receiver: Server;
  let receiverUrl: string;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => {
        raw += chunk.toString();
      });
      req.on('end', () => {
        const event = JSON.parse(raw) as { eventType: string; data: { challenge?: string } };
        res.writeHead(200, { 'content-type': 'application/json' });
        if (event.eventType === 'VERIFY') {
          res.end(
            JSON.stringify({ challenge: smartcar.hashChallenge(app.managementToken, event.data.challenge!) }),
          );
        } else res.end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  test('the webhook is enabled', async () => {
    const res = await fetch(`${server.url}/_emulator/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: app.clientId,
        name: 'Official SDK receiver',
        callbackUri: receiverUrl,
        triggers: ['tractionbattery-stateofcharge'],
      }),
    });
    expect(res.status).toBeLessThan(300);
    const created = (await res.json()) as { data: { id: string } };
    const id = created.data.id;
    let enabled = false;
    for (let i = 0; i < 50 && !enabled; i++) {
      const webhook = (await (await fetch(`${server.url}/_emulator/webhooks/${id}`)).json()) as {
        data: { isEnabled: boolean };
      };
      enabled = webhook.data.isEnabled;
      if (!enabled) await new Promise((r) => setTimeout(r, 20));
    }
    expect(enabled).toBe(true);
  });
});
