import {
  HEADER_REQUEST_ID,
  tokenResponseSchema,
  type V3Error,
  v3ErrorEnvelopeSchema,
} from '@paddock/contract';
import {
  type ApplicationSeed,
  createEmulator,
  createManualClock,
  type Emulator,
  generateDevelopmentCredentials,
  type ManualClock,
} from '../../src/index.js';

/** The origin tests pretend the emulator lives on: any origin works in-process. */
export const ORIGIN = 'http://emulator.test';
export const REDIRECT_URI = 'http://localhost:8000/exchange';
export const OTHER_REDIRECT_URI = 'http://localhost:8000/other-callback';

export interface TestEmulator {
  emulator: Emulator;
  clock: ManualClock;
  app: ApplicationSeed;
  fetch: Emulator['fetch'];
}

/** An emulator on a manual clock with one registered development application. */
export function setup(): TestEmulator {
  const clock = createManualClock();
  const app = generateDevelopmentCredentials([REDIRECT_URI, OTHER_REDIRECT_URI]);
  const emulator = createEmulator({ clock, applications: [app] });
  return { emulator, clock, app, fetch: emulator.fetch };
}

/** Registers one more application and returns its seed. */
export function addApplication(emulator: Emulator): ApplicationSeed {
  const seed = generateDevelopmentCredentials([REDIRECT_URI]);
  emulator.registerApplication(seed);
  return seed;
}

/** A fresh access token for the application, through the real token endpoint. */
export async function getToken(t: Pick<TestEmulator, 'fetch'>, app: ApplicationSeed): Promise<string> {
  const res = await t.fetch(`${ORIGIN}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }),
  });
  expect(res.status).toBe(200);
  return tokenResponseSchema.parse(await res.json()).access_token;
}

export interface ConnectBody {
  clientId: string;
  email: string;
  permissions?: string[];
  mode?: 'live' | 'simulated';
  vehicles?: string[];
  externalId?: string;
  make?: string;
}

/** Calls `POST /_emulator/connect` and returns status and parsed body. */
export async function connectViaApi(t: Pick<TestEmulator, 'fetch'>, body: ConnectBody) {
  const res = await t.fetch(`${ORIGIN}/_emulator/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Like connectViaApi, but expects success. */
export async function connectOk(t: Pick<TestEmulator, 'fetch'>, body: ConnectBody) {
  const { status, body: json } = await connectViaApi(t, body);
  expect(status, JSON.stringify(json)).toBe(200);
  return json as { userId: string; vehicleIds: string[]; connectionIds: string[] };
}

/** A GET on the Vehicle API with a bearer token. */
export function apiGet(
  t: Pick<TestEmulator, 'fetch'>,
  path: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return t.fetch(path.startsWith('http') ? path : `${ORIGIN}${path}`, { headers: { ...auth, ...headers } });
}

/**
 * Asserts a v3 error: the envelope parses with the contract schema, status,
 * type and code match, and `sc-request-id` equals `meta.debug.requestId`.
 */
export async function expectApiError(
  res: Response,
  status: number,
  type: string,
  code: string,
): Promise<V3Error> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const envelope = v3ErrorEnvelopeSchema.parse(await res.json());
  const [error] = envelope.errors;
  expect(error).toMatchObject({ status: String(status), type, code });
  expect(error!.links?.about).toMatch(/^https:\/\/smartcar\.com\/docs\/errors\//);
  expect(error!.resolution).toBeDefined();
  expect(res.headers.get(HEADER_REQUEST_ID)).toBe(error!.meta?.debug.requestId);
  return error!;
}
