import type { ClockState, ControllableClock } from '../simulation/clock.js';
import type { Store } from '../store/repositories.js';
import type { Dumpable } from '../store/webhook-repositories.js';

/** Marks an exported state document; `version` changes when its shape does. */
export const STATE_FORMAT = 'paddock-emulator-state';
export const STATE_VERSION = 1;

/**
 * Tables left out of exports: Connect interactions are bound to a browser
 * cookie and to this process's CSRF key, so they cannot outlive it.
 */
const TRANSIENT_TABLES = new Set(['interactions']);

/** The whole emulator state as JSON: the clock and every table of the store. */
export interface EmulatorState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** Emulator clock, epoch ms. */
  exportedAt: number;
  clock: ClockState;
  /** Records by table name; Buffers and Maps are tagged (`{$buffer}`, `{$map}`). */
  tables: Record<string, unknown[]>;
}

const isDumpable = (value: unknown): value is Dumpable<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Dumpable<unknown>).dump === 'function' &&
  typeof (value as Dumpable<unknown>).load === 'function';

/** Every persistent table of the store, found by shape so tables added later are included. */
function tablesOf(store: Store): [string, Dumpable<unknown>][] {
  return Object.entries(store).filter(
    (entry): entry is [string, Dumpable<unknown>] => isDumpable(entry[1]) && !TRANSIENT_TABLES.has(entry[0]),
  );
}

function toJsonSafe(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key) {
      const raw = this[key];
      if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') };
      if (raw instanceof Map) return { $map: [...raw.entries()] };
      return raw;
    }),
  );
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record.$buffer === 'string') return Buffer.from(record.$buffer, 'base64');
  if (keys.length === 1 && Array.isArray(record.$map)) {
    return new Map((record.$map as [unknown, unknown][]).map(([k, v]) => [k, revive(v)]));
  }
  return Object.fromEntries(keys.map((k) => [k, revive(record[k])]));
}

export function exportState(store: Store, clock: ControllableClock): EmulatorState {
  const tables: Record<string, unknown[]> = {};
  for (const [name, table] of tablesOf(store)) tables[name] = toJsonSafe(table.dump()) as unknown[];
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    exportedAt: clock.now(),
    clock: clock.state(),
    tables,
  };
}

/**
 * Checks the envelope of a state document; throws a TypeError naming the
 * problem. Records are the emulator's own, as exported, and are taken as they are.
 */
export function checkState(value: unknown, store: Store): EmulatorState {
  const fail = (why: string): never => {
    throw new TypeError(`Not an emulator state export: ${why}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('expected a JSON object');
  const state = value as Partial<EmulatorState>;
  if (state.format !== STATE_FORMAT) fail(`"format" must be "${STATE_FORMAT}"`);
  if (state.version !== STATE_VERSION)
    fail(`"version" must be ${STATE_VERSION}, got ${String(state.version)}`);
  const clock = state.clock as Partial<ClockState> | undefined;
  if (
    typeof clock !== 'object' ||
    typeof clock.now !== 'number' ||
    typeof clock.frozen !== 'boolean' ||
    typeof clock.speed !== 'number' ||
    typeof clock.offsetMs !== 'number'
  ) {
    fail('"clock" must hold now, frozen, speed and offsetMs');
  }
  if (typeof state.tables !== 'object' || state.tables === null) fail('"tables" must be an object');
  const known = new Set(tablesOf(store).map(([name]) => name));
  for (const [name, rows] of Object.entries(state.tables as object)) {
    if (!known.has(name)) fail(`unknown table "${name}"`);
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
      fail(`table "${name}" must be an array of objects`);
    }
  }
  return state as EmulatorState;
}

/** Replaces every table (absent ones become empty) and restores the clock. */
export function importState(store: Store, clock: ControllableClock, state: EmulatorState): void {
  clock.restore(state.clock);
  for (const [name, table] of tablesOf(store))
    table.load((revive(state.tables[name] ?? []) as unknown[]) ?? []);
}

/** Empties every table, transient ones included. */
export function clearState(store: Store): void {
  for (const table of Object.values(store)) if (isDumpable(table)) table.load([]);
}
