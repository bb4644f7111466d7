import {
  applicationListResponseSchema,
  applicationResponseSchema,
  applicationSecretListResponseSchema,
  chargeScheduleExecutionResponseSchema,
  commandExecutionResponseSchema,
  connectionListResponseSchema,
  connectionResponseSchema,
  createSubscriptionResponseSchema,
  oauthErrorSchema,
  signalListResponseSchema,
  signalResponseVariantsSchema,
  subscriptionListResponseSchema,
  subscriptionResponseSchema,
  tokenResponseSchema,
  v3ErrorEnvelopeSchema,
  vehicleResponseSchema,
  webhookListResponseSchema,
  webhookResponseSchema,
} from '@paddock/contract';
import { createEmulator, createManualClock, type Emulator } from '@paddock/emulator';
import { SmartcarClient, type SmartcarClientOptions } from '../src/index.js';

/**
 * SDK ↔ emulator in process. Every raw emulator answer is also checked
 * against the contract schema of its route, so the SDK is tested on shapes
 * the contract vouches for.
 */

export const ORIGIN = 'http://emulator.test';
export const APP = {
  clientId: 'client_contract',
  clientSecret: 'contract-secret',
  managementToken: 'amt-contract',
  redirectUris: ['http://localhost:8000/exchange'],
};

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

const ROUTES: [method: string, pattern: RegExp, name: string, schema: Schema][] = [
  ['GET', /^\/v3\/connections$/, 'connection list', connectionListResponseSchema],
  ['GET', /^\/v3\/connections\/[^/]+$/, 'connection', connectionResponseSchema],
  ['GET', /^\/v3\/vehicles\/[^/]+$/, 'vehicle', vehicleResponseSchema],
  ['GET', /^\/v3\/vehicles\/[^/]+\/signals$/, 'signal list', signalListResponseSchema],
  ['GET', /^\/v3\/vehicles\/[^/]+\/signals\/[^/]+$/, 'signal', signalResponseVariantsSchema],
  ['POST', /^\/v3\/vehicles\/[^/]+\/commands\//, 'command execution', commandExecutionResponseSchema],
  ['GET', /^\/v3\/vehicles\/[^/]+\/commands\/[^/]+$/, 'command execution', commandExecutionResponseSchema],
  [
    'POST',
    /^\/v3\/vehicles\/[^/]+\/charge-schedules\//,
    'schedule execution',
    chargeScheduleExecutionResponseSchema,
  ],
  [
    'DELETE',
    /^\/v3\/vehicles\/[^/]+\/charge-schedules\//,
    'schedule execution',
    chargeScheduleExecutionResponseSchema,
  ],
  ['GET', /^\/v3\/webhooks$/, 'webhook list', webhookListResponseSchema],
  ['GET', /^\/v3\/webhooks\/[^/]+$/, 'webhook', webhookResponseSchema],
  ['GET', /^\/v3\/subscriptions$/, 'subscription list', subscriptionListResponseSchema],
  ['POST', /^\/v3\/subscriptions$/, 'subscription created', createSubscriptionResponseSchema],
  ['GET', /^\/v3\/subscriptions\/[^/]+$/, 'subscription', subscriptionResponseSchema],
  ['GET', /^\/v3\/applications$/, 'application list', applicationListResponseSchema],
  ['GET', /^\/v3\/applications\/[^/]+$/, 'application', applicationResponseSchema],
  [
    'GET',
    /^\/v3\/applications\/[^/]+\/secrets$/,
    'application secret list',
    applicationSecretListResponseSchema,
  ],
];

function schemaFor(method: string, url: URL, status: number): [string, Schema] | undefined {
  const ok = status >= 200 && status < 300;
  if (url.pathname === '/oauth2/token')
    return ok ? ['token', tokenResponseSchema] : ['oauth error', oauthErrorSchema];
  if (!url.pathname.startsWith('/v3/')) return undefined;
  if (!ok) return ['v3 error', v3ErrorEnvelopeSchema];
  if (status === 204) return undefined;
  const route = ROUTES.find(([m, pattern]) => m === method && pattern.test(url.pathname));
  return route && [route[2], route[3]];
}

export interface Harness {
  emulator: Emulator;
  clock: ReturnType<typeof createManualClock>;
  /** `name status` of every response that matched its schema. */
  checked: string[];
  violations: string[];
  /** Waits for the schema checks of streamed bodies. */
  settled(): Promise<void>;
  client(overrides?: Partial<SmartcarClientOptions>): SmartcarClient;
  connect(
    email: string,
    extra?: { mode?: 'live' | 'simulated'; make?: string; permissions?: string[] },
  ): Promise<{ userId: string; vehicleIds: string[]; connectionIds: string[] }>;
  control(path: string, body: unknown, method?: string): Promise<Response>;
  /** Requests per path, for retry assertions. */
  requests: { method: string; path: string }[];
  /** Requests made to the IAM token endpoint. */
  tokenRequests(): number;
}

export function createHarness(
  options: { receiver?: (url: string, init: RequestInit) => Promise<Response> } = {},
): Harness {
  const clock = createManualClock(Date.UTC(2026, 4, 1, 9, 0, 0));
  const emulator = createEmulator({
    clock,
    applications: [APP],
    fetch: options.receiver ?? (async () => new Response(null, { status: 204 })),
  });
  const checked: string[] = [];
  const violations: string[] = [];
  const pending: Promise<void>[] = [];
  const requests: { method: string; path: string }[] = [];
  let tokenRequests = 0;

  const check = (name: string, schema: Schema, where: string, text: string) => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      violations.push(`${where}: not JSON: ${text.slice(0, 80)}`);
      return;
    }
    const result = schema.safeParse(body);
    if (result.success) checked.push(name);
    else violations.push(`${where} vs ${name} schema: ${String(result.error)}`);
  };

  const checkingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/v3/')) requests.push({ method, path: url.pathname });
    if (url.pathname === '/oauth2/token') tokenRequests += 1;
    const res = await emulator.fetch(input, init);
    const found = schemaFor(method, url, res.status);
    if (found) {
      const [name, schema] = found;
      // A streamed 202 is checked once it ends, without holding the response back.
      pending.push(
        res
          .clone()
          .text()
          .then((text) =>
            check(`${name} ${res.status}`, schema, `${method} ${url.pathname} ${res.status}`, text),
          ),
      );
    }
    return res;
  }) as typeof fetch;

  return {
    emulator,
    clock,
    checked,
    violations,
    requests,
    tokenRequests: () => tokenRequests,
    settled: async () => {
      await Promise.all(pending);
    },
    client: (overrides = {}) =>
      new SmartcarClient({
        clientId: APP.clientId,
        clientSecret: APP.clientSecret,
        managementToken: APP.managementToken,
        emulatorOrigin: ORIGIN,
        fetch: checkingFetch,
        clock,
        sleep: async () => {},
        ...overrides,
      }),
    connect: async (email, extra = {}) => {
      const res = await emulator.fetch(`${ORIGIN}/_emulator/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: APP.clientId, email, mode: extra.mode ?? 'live', ...extra }),
      });
      if (res.status >= 300) throw new Error(`connect failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as { userId: string; vehicleIds: string[]; connectionIds: string[] };
    },
    control: (path, body, method = 'POST') =>
      emulator.fetch(`${ORIGIN}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}
