import type { Permission } from '@paddock/contract';
import { createEmulator, createManualClock, generateDevelopmentCredentials } from '../../src/index.js';
import type { VehicleSimulator } from '../../src/simulation/vehicle-simulator.js';
import { ORIGIN, REDIRECT_URI, type TestEmulator } from './setup.js';

/** Every control permission a command or schedule needs, plus vehicle info. */
export const CONTROL: Permission[] = [
  'read_vehicle_info',
  'control_security',
  'control_charge',
  'control_navigation',
];

export interface ScriptedSimulator extends VehicleSimulator {
  /** Mutations received, in order: `['lock', vehicleId]`, `['setChargeLimit', vehicleId, 80]`, … */
  calls: unknown[][];
  /** The next call of this method throws this error (once). */
  failNext(method: keyof VehicleSimulator, error: Error): void;
}

/** A simulator that records mutations and throws on demand, so command routes are tested apart from the physics. */
export function scriptedSimulator(): ScriptedSimulator {
  const calls: unknown[][] = [];
  const failures = new Map<string, Error>();
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      const failure = failures.get(name);
      if (failure) {
        failures.delete(name);
        throw failure;
      }
      calls.push([name, ...args]);
    };
  const unused = () => {
    throw new Error('not used by these tests');
  };
  return {
    calls,
    failNext: (method, error) => failures.set(method, error),
    state: unused,
    signals: unused,
    values: unused,
    lock: record('lock'),
    unlock: record('unlock'),
    startCharge: record('startCharge'),
    stopCharge: record('stopCharge'),
    setChargeLimit: record('setChargeLimit'),
    openChargePort: record('openChargePort'),
    closeChargePort: record('closeChargePort'),
    setDestination: record('setDestination'),
    plugIn: record('plugIn'),
    unplug: record('unplug'),
    startTrip: record('startTrip'),
    endTrip: record('endTrip'),
    setSignal: record('setSignal'),
    setOnline: record('setOnline'),
    setAsleep: record('setAsleep'),
  };
}

/** An emulator on a manual clock whose vehicles are driven by a scripted simulator. */
export function setupScripted(): TestEmulator & { simulator: ScriptedSimulator } {
  const clock = createManualClock();
  const app = generateDevelopmentCredentials([REDIRECT_URI]);
  const simulator = scriptedSimulator();
  const emulator = createEmulator({ clock, applications: [app], simulator });
  return { emulator, clock, app, fetch: emulator.fetch, simulator };
}

/** A Vehicle API request with a bearer token, `sc-user-id` (unless null) and an optional JSON body. */
export function apiRequest(
  t: Pick<TestEmulator, 'fetch'>,
  method: string,
  path: string,
  opts: { token?: string; userId?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.userId) headers['sc-user-id'] = opts.userId;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return t.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { ...headers, ...opts.headers },
    body:
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body),
  });
}

/** PUT on a control-API settings endpoint, expecting 200. */
export async function putSettings(t: Pick<TestEmulator, 'fetch'>, path: string, body: unknown) {
  const res = await t.fetch(`${ORIGIN}/_emulator/settings/${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json() as Promise<Record<string, unknown>>;
}
