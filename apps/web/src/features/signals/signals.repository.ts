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
 * Stores a signal's value as its latest, unless what is stored is as new or
 * newer by `oemUpdatedAt`: deliveries may arrive out of order, and an older
 * one must not win. One statement (insert … on conflict … do update … where),
 * so concurrent writers cannot interleave between a read and a write.
 * @returns true when this value is now the latest
 */
export async function upsertLatestSignal(db: Kysely<Database>, value: SignalValue): Promise<boolean> {
  const row = {
    vehicle_id: value.vehicleId,
    code: value.code,
    status: value.status,
    body: value.body === undefined ? null : JSON.stringify(value.body),
    oem_updated_at: value.oemUpdatedAt,
    received_at: value.receivedAt,
  };
  const stored = await db
    .insertInto('signal_latest')
    .values(row)
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
    .returning('code')
    .executeTakeFirst();
  return stored !== undefined;
}

/**
 * Adds a successful value to the history: its number (`body.value`) when it
 * has one, else its body as JSON. A value already recorded for that instant
 * is kept as it was.
 * @returns true when a row was added
 */
export async function appendSignalHistory(db: Kysely<Database>, value: SignalValue): Promise<boolean> {
  if (value.status !== 'SUCCESS' || value.body === undefined) return false;
  const number = numericValue(value.body);
  const added = await db
    .insertInto('signal_history')
    .values({
      vehicle_id: value.vehicleId,
      code: value.code,
      oem_updated_at: value.oemUpdatedAt,
      value_number: number,
      body: number === null ? JSON.stringify(value.body) : null,
      received_at: value.receivedAt,
    })
    .onConflict((oc) => oc.columns(['vehicle_id', 'code', 'oem_updated_at']).doNothing())
    .returning('code')
    .executeTakeFirst();
  return added !== undefined;
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

/** A signal's history from `since` (inclusive, epoch ms), oldest first, at most `limit` rows (default 1000). */
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
  return query
    .orderBy('oem_updated_at')
    .limit(options.limit ?? 1000)
    .execute();
}

function numericValue(body: unknown): number | null {
  const value = (body as { value?: unknown } | null)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
