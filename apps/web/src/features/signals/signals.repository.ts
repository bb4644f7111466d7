import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SignalHistory, SignalLatest } from '../../db/tables.js';

/** One signal value as received (from a webhook or a signals read). */
export interface SignalValue {
  readonly vehicleId: string;
  /** Catalogue code, e.g. `tractionbattery-stateofcharge`. */
  readonly code: string;
  /** `SUCCESS`, `ERROR` or `UNAVAILABLE`. */
  readonly status: string;
  /** The body (JSON-serialisable), or the error of an ERROR/UNAVAILABLE signal; undefined when absent. */
  readonly body: unknown;
  /** When the manufacturer says the value was true, epoch ms. */
  readonly oemUpdatedAt: number;
  /** When we got it, epoch ms. */
  readonly receivedAt: number;
}

/**
 * Rows per multi-row statement: 500 rows of 6–7 columns stay far below
 * SQLite's 32,766 and PostgreSQL's 65,535 parameters.
 */
const ROWS_PER_STATEMENT = 500;

/**
 * Stores a signal's value as its latest, unless what is stored is as new or
 * newer by `oemUpdatedAt`: deliveries may arrive out of order, and an older
 * one must not win. One statement (insert … on conflict … do update … where),
 * so concurrent writers cannot interleave between a read and a write.
 * @returns true when this value is now the latest
 */
export async function upsertLatestSignal(db: Kysely<Database>, value: SignalValue): Promise<boolean> {
  return (await upsertLatestSignals(db, [value])).length > 0;
}

/**
 * {@link upsertLatestSignal} for many values at once, in one statement per
 * 500 rows. Of several values for the same vehicle and code, the newest
 * goes in (the first of equally new ones), as applying them one by one in
 * order would end. Rows are written in (vehicle, code) order, the order
 * every writer uses, so two transactions on PostgreSQL take their row locks
 * in the same order and cannot deadlock. Each vehicle with a value written
 * gets a new version of its values (`signal_versions`) in the same
 * transaction as the caller's.
 * @returns the given values (the same objects) that are now the latest
 */
export async function upsertLatestSignals(
  db: Kysely<Database>,
  values: readonly SignalValue[],
): Promise<SignalValue[]> {
  const newest = new Map<string, SignalValue>();
  for (const value of values) {
    const key = keyOf(value);
    const held = newest.get(key);
    if (held === undefined || held.oemUpdatedAt < value.oemUpdatedAt) newest.set(key, value);
  }
  const candidates = [...newest.values()].sort(byVehicleAndCode);
  const stored: SignalValue[] = [];
  for (const chunk of chunks(candidates)) {
    const rows = await db
      .insertInto('signal_latest')
      .values(
        chunk.map((value) => ({
          vehicle_id: value.vehicleId,
          code: value.code,
          status: value.status,
          body: value.body === undefined ? null : JSON.stringify(value.body),
          oem_updated_at: value.oemUpdatedAt,
          received_at: value.receivedAt,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['vehicle_id', 'code'])
          .doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            body: eb.ref('excluded.body'),
            oem_updated_at: eb.ref('excluded.oem_updated_at'),
            received_at: eb.ref('excluded.received_at'),
          }))
          .where((eb) => eb('signal_latest.oem_updated_at', '<', eb.ref('excluded.oem_updated_at'))),
      )
      .returning(['vehicle_id', 'code'])
      .execute();
    const written = new Set(rows.map((r) => keyOf({ vehicleId: r.vehicle_id, code: r.code })));
    for (const value of chunk) if (written.has(keyOf(value))) stored.push(value);
  }
  await renewSignalVersions(db, stored);
  return stored;
}

/** Versions are drawn at random below this: 2^48 - 1, the most `randomInt` draws, far inside a safe integer. */
const VERSION_RANGE = 2 ** 48 - 1;

/**
 * Gives each vehicle of `values` a new random version of its latest values,
 * in vehicle order (the order of every writer's row locks).
 */
async function renewSignalVersions(db: Kysely<Database>, values: readonly SignalValue[]): Promise<void> {
  if (values.length === 0) return;
  const vehicleIds = [...new Set(values.map((v) => v.vehicleId))].sort();
  for (const chunk of chunks(vehicleIds)) {
    await db
      .insertInto('signal_versions')
      .values(chunk.map((vehicleId) => ({ vehicle_id: vehicleId, version: randomInt(VERSION_RANGE) })))
      .onConflict((oc) =>
        oc.column('vehicle_id').doUpdateSet((eb) => ({ version: eb.ref('excluded.version') })),
      )
      .execute();
  }
}

/**
 * Adds a successful value to the history: its number (`body.value`) when it
 * has one, else its body as JSON. A value already recorded for that instant
 * is kept as it was.
 * @returns true when a row was added
 */
export async function appendSignalHistory(db: Kysely<Database>, value: SignalValue): Promise<boolean> {
  return (await appendSignalHistories(db, [value])) > 0;
}

/**
 * {@link appendSignalHistory} for many values, in one statement per 500 rows,
 * in (vehicle, code, instant) order; the first of several values for the
 * same instant is the one kept.
 * @returns how many rows were added
 */
export async function appendSignalHistories(
  db: Kysely<Database>,
  values: readonly SignalValue[],
): Promise<number> {
  const firsts = new Map<string, SignalValue>();
  for (const value of values) {
    if (value.status !== 'SUCCESS' || value.body === undefined) continue;
    const key = `${keyOf(value)}\u0000${value.oemUpdatedAt}`;
    if (!firsts.has(key)) firsts.set(key, value);
  }
  const rows = [...firsts.values()].sort((a, b) => byVehicleAndCode(a, b) || a.oemUpdatedAt - b.oemUpdatedAt);
  let added = 0;
  for (const chunk of chunks(rows)) {
    const inserted = await db
      .insertInto('signal_history')
      .values(
        chunk.map((value) => {
          const number = numericValue(value.body);
          return {
            vehicle_id: value.vehicleId,
            code: value.code,
            oem_updated_at: value.oemUpdatedAt,
            value_number: number,
            body: number === null ? JSON.stringify(value.body) : null,
            received_at: value.receivedAt,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['vehicle_id', 'code', 'oem_updated_at']).doNothing())
      .returning('code')
      .execute();
    added += inserted.length;
  }
  return added;
}

/** Every latest value of a vehicle, by code. */
export async function listLatestSignals(db: Kysely<Database>, vehicleId: string): Promise<SignalLatest[]> {
  return db
    .selectFrom('signal_latest')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .orderBy('code')
    .execute();
}

/**
 * A signal's history from `since` (inclusive, epoch ms), oldest first: the
 * newest `limit` rows (default 1000) when there are more, so a chart ends at
 * the present rather than stopping at the 1000th point of the window.
 */
export async function listSignalHistory(
  db: Kysely<Database>,
  vehicleId: string,
  code: string,
  options: { since: number; until?: number; limit?: number },
): Promise<SignalHistory[]> {
  let query = db
    .selectFrom('signal_history')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .where('code', '=', code)
    .where('oem_updated_at', '>=', options.since);
  if (options.until !== undefined) query = query.where('oem_updated_at', '<=', options.until);
  const newestFirst = await query
    .orderBy('oem_updated_at', 'desc')
    .limit(options.limit ?? 1000)
    .execute();
  return newestFirst.reverse();
}

function numericValue(body: unknown): number | null {
  const value = (body as { value?: unknown } | null)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function keyOf(value: { readonly vehicleId: string; readonly code: string }): string {
  return `${value.vehicleId}\u0000${value.code}`;
}

/** The one order every writer of several signal rows uses (see {@link upsertLatestSignals}). */
function byVehicleAndCode(a: SignalValue, b: SignalValue): number {
  if (a.vehicleId !== b.vehicleId) return a.vehicleId < b.vehicleId ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) yield items.slice(i, i + ROWS_PER_STATEMENT);
}
