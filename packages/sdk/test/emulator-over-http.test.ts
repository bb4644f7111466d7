import {
  commandExecutionResponseSchema,
  signalListResponseSchema,
  vehicleResponseSchema,
} from '@paddock/contract';
import { createEmulator, type Emulator, startEmulator } from '@paddock/emulator';
import { SmartcarClient } from '../src/index.js';
import { APP } from './emulator-harness.js';

/**
 * The default transport (`node:http`, no `options.fetch`) end to end: the
 * emulator listening on a free port. The raw body of each answer is checked
 * against its contract schema, as the in-process harness does.
 */

let emulator: Emulator;
let server: { url: string; close(): Promise<void> };
let client: SmartcarClient;
let user: { userId: string; vehicleIds: string[] };
/** Stands in for the global `fetch`: the default path must never call it. */
const globalFetch = vi.fn(() => Promise.reject(new Error('the global fetch was called')));

beforeAll(async () => {
  emulator = createEmulator({ applications: [APP] });
  server = await startEmulator({ port: 0, emulator, tickMs: 0 });
  client = new SmartcarClient({
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    emulatorOrigin: server.url,
  });
  const res = await emulator.fetch('http://emulator.test/_emulator/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: APP.clientId,
      email: 'owner@tesla.example',
      make: 'TESLA',
      mode: 'live',
      permissions: ['read_vehicle_info', 'read_battery', 'read_charge', 'read_security', 'control_security'],
    }),
  });
  expect(res.status).toBe(200);
  user = (await res.json()) as typeof user;
  vi.stubGlobal('fetch', globalFetch);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});
afterEach(() => {
  expect(globalFetch).not.toHaveBeenCalled();
});

const valid = (schema: { safeParse(v: unknown): { success: boolean } }, body: unknown) =>
  schema.safeParse(body).success;

test('vehicles.retrieve: the result, its headers and request id', async () => {
  const vehicleId = user.vehicleIds[0]!;
  const { data, response, requestId } = await client.vehicles.retrieve(vehicleId).withResponse();
  expect(data).toMatchObject({ id: vehicleId, make: 'TESLA' });
  expect(response.status).toBe(200);
  expect(response.url).toBe(`${server.url}/v3/vehicles/${vehicleId}`);
  expect(response.headers).toBeInstanceOf(Headers);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(requestId).toEqual(expect.any(String));
  expect(valid(vehicleResponseSchema, response.body)).toBe(true);
});

test('signals.list: typed values from the whole list', async () => {
  const vehicleId = user.vehicleIds[0]!;
  const { data: list, response } = await client.signals
    .list(vehicleId, { userId: user.userId })
    .withResponse();
  expect(list.vehicle?.id).toBe(vehicleId);
  expect(list.data.length).toBeGreaterThan(5);
  expect(list.get('tractionbattery-stateofcharge')?.retrievedAt).toBeInstanceOf(Date);
  expect(valid(signalListResponseSchema, response.body)).toBe(true);
});

test('a command, then a long-running one whose result follows its 202', async () => {
  const car = client.forUser(user.userId);
  const vehicleId = user.vehicleIds[0]!;
  const { data: lock, response } = await car.commands.lock(vehicleId).withResponse();
  expect(lock).toMatchObject({ commandType: 'security-lock', status: 'SUCCESS', httpStatus: 200 });
  expect(valid(commandExecutionResponseSchema, response.body)).toBe(true);

  const settings = await emulator.fetch('http://emulator.test/_emulator/settings/commands', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ delayMs: 150, longRunningAfterMs: 10 }),
  });
  expect(settings.status).toBe(200);
  const started = performance.now();
  const unlock = await car.commands.unlock(vehicleId);
  expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  expect(unlock).toMatchObject({
    commandType: 'security-unlock',
    status: 'SUCCESS',
    executionMode: 'async',
    httpStatus: 202,
  });
});
