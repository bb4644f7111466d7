import { createHmac } from 'node:crypto';
import { isSignalCode, SIGNALS, type SignalResource } from '@paddock/contract';
import {
  type ApplicationSeed,
  createEmulator,
  createManualClock,
  type Emulator,
  generateDevelopmentCredentials,
  type ManualClock,
} from '../../src/index.js';
import type { VehicleSimulator, VehicleState } from '../../src/simulation/vehicle-simulator.js';
import { connectOk, getToken, ORIGIN, REDIRECT_URI } from './setup.js';

/** One request the receiver got, with the body's exact bytes. */
export interface Received {
  url: string;
  headers: Headers;
  body: string;
  json: Record<string, unknown>;
}

/** How the receiver answers: `verify` answers the challenge right; `fail` answers 500; or any function. */
export type Behaviour = 'verify' | 'fail' | 'wrong-challenge' | ((req: Received) => Response);

/**
 * A webhook receiver in process: records every delivery and answers VERIFY
 * with the HMAC of the challenge (what the official SDK's `hashChallenge` does).
 */
export function createReceiver(managementToken: string) {
  const requests: Received[] = [];
  let behaviour: Behaviour = 'verify';
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const body = String(init.body);
    const req: Received = { url, headers: new Headers(init.headers), body, json: JSON.parse(body) };
    requests.push(req);
    if (typeof behaviour === 'function') return behaviour(req);
    if (behaviour === 'fail') return new Response('receiver down', { status: 500 });
    if (req.json.eventType === 'VERIFY') {
      const challenge = (req.json.data as { challenge: string }).challenge;
      const key = behaviour === 'wrong-challenge' ? 'not-the-token' : managementToken;
      return Response.json({ challenge: createHmac('sha256', key).update(challenge).digest('hex') });
    }
    return new Response(null, { status: 204 });
  };
  return {
    fetch,
    requests,
    setBehaviour(next: Behaviour) {
      behaviour = next;
    },
    of: (eventType: string) => requests.filter((r) => r.json.eventType === eventType),
  };
}
export type Receiver = ReturnType<typeof createReceiver>;

const DEFAULT_VALUES: Record<string, unknown> = {
  'tractionbattery-stateofcharge': { value: 50, unit: 'percent' },
  'charge-ischarging': { value: false },
  'charge-ischargingcableconnected': { value: false },
  'closure-islocked': { value: true },
};

/**
 * A vehicle simulator whose values the test sets directly, so delivery
 * tests do not depend on the physics of the real one.
 */
export function scriptedSimulator() {
  const values = new Map<string, Map<string, unknown>>();
  const online = new Map<string, boolean>();
  const of = (id: string) => {
    let v = values.get(id);
    if (!v) {
      v = new Map(Object.entries(DEFAULT_VALUES));
      values.set(id, v);
    }
    return v;
  };
  const unsupported = (): never => {
    throw new Error('not scripted');
  };
  const simulator: VehicleSimulator = {
    state: (id) => ({ vehicleId: id, online: online.get(id) ?? true }) as VehicleState,
    values: (id) => new Map([...of(id)].map(([code, body]) => [code, { body, oemUpdatedAt: 1 }])),
    signals(id, opts) {
      return [...of(id)].flatMap(([code, body]): SignalResource[] => {
        if (!isSignalCode(code)) return [];
        const { group, name, permission } = SIGNALS[code];
        const allowed = opts.permissions.includes(permission);
        return [
          {
            id: code,
            type: 'signal',
            attributes: {
              code,
              name,
              group,
              status: allowed
                ? { value: 'SUCCESS' }
                : { value: 'ERROR', error: { type: 'PERMISSION', code: null } },
              ...(allowed ? { body } : {}),
            },
            meta: { retrievedAt: '2026-01-01T00:00:00.000Z', oemUpdatedAt: '2026-01-01T00:00:00.000Z' },
            links: { self: `${opts.origin}/x`, vehicle: `${opts.origin}/y` },
          },
        ];
      });
    },
    lock: unsupported,
    unlock: unsupported,
    startCharge: unsupported,
    stopCharge: unsupported,
    setChargeLimit: unsupported,
    openChargePort: unsupported,
    closeChargePort: unsupported,
    setDestination: unsupported,
    plugIn: (id) => {
      of(id).set('charge-ischargingcableconnected', { value: true });
    },
    unplug: (id) => {
      of(id).set('charge-ischargingcableconnected', { value: false });
    },
    startTrip: unsupported,
    endTrip: unsupported,
    setSignal: (id, code, body) => {
      of(id).set(code, body);
    },
    setOnline: (id, value) => {
      online.set(id, value);
    },
    setAsleep: unsupported,
  };
  return simulator;
}

export interface WebhookTest {
  emulator: Emulator;
  clock: ManualClock;
  app: ApplicationSeed;
  rx: Receiver;
  simulator: VehicleSimulator;
  fetch: Emulator['fetch'];
}

/** An emulator on a manual clock, a scripted simulator and a recording receiver. */
export function webhookSetup(): WebhookTest {
  const clock = createManualClock();
  const app = generateDevelopmentCredentials([REDIRECT_URI]);
  const rx = createReceiver(app.managementToken);
  const simulator = scriptedSimulator();
  const emulator = createEmulator({ clock, applications: [app], fetch: rx.fetch, simulator });
  return { emulator, clock, app, rx, simulator, fetch: emulator.fetch };
}

/** POSTs JSON to the control surface. */
export function control(t: Pick<WebhookTest, 'fetch'>, path: string, body: unknown = {}, method = 'POST') {
  return t.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export const WEBHOOK_URL = 'https://receiver.test/webhooks/smartcar';

/** Creates a webhook through the control surface and returns its id. */
export async function createWebhook(t: WebhookTest, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await control(t, '/_emulator/webhooks', {
    clientId: t.app.clientId,
    name: 'Battery updates',
    callbackUri: WEBHOOK_URL,
    triggers: ['tractionbattery-stateofcharge'],
    data: ['charge-ischarging'],
    ...extra,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { data: { id: string } }).data.id;
}

/** Connects one live vehicle with battery and charge permissions; returns ids and a Management API token. */
export async function connectVehicle(t: WebhookTest, email = 'owner@example.com') {
  const { userId, vehicleIds } = await connectOk(t, {
    clientId: t.app.clientId,
    email,
    make: 'TESLA',
    mode: 'live',
    vehicles: undefined,
    permissions: ['read_vehicle_info', 'read_battery', 'read_charge'],
  });
  const token = await getToken(t, t.app);
  return { userId, vehicleId: vehicleIds[0]!, token };
}

/** `POST /v3/subscriptions` with a bearer token. */
export function subscribeVia(
  t: Pick<WebhookTest, 'fetch'>,
  token: string,
  attributes: Record<string, string>,
) {
  return t.fetch(`${ORIGIN}/v3/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ data: { attributes } }),
  });
}

/** The lowercase hex HMAC-SHA256 a receiver computes over the raw body. */
export const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');
