import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database, VehicleRow } from '../../db/tables.js';

/** A vehicle as Smartcar listed it for an account. */
export interface ConnectedVehicle {
  readonly accountId: string;
  readonly vehicleId: string;
  readonly smartcarUserId: string;
  readonly make?: string | undefined;
  readonly model?: string | undefined;
  readonly year?: number | undefined;
  readonly powertrain?: string | undefined;
}

/**
 * Stores a connected vehicle once per account: a new one is added with
 * `connected_at = now`; a known one gets its details refreshed (and is
 * connected again if it had been disconnected), keeping its first `connected_at`.
 * Run it in a transaction when the answer matters under concurrency.
 * @returns true when the vehicle was new to the account
 */
export async function upsertVehicle(
  db: Kysely<Database>,
  vehicle: ConnectedVehicle,
  now: number,
): Promise<boolean> {
  const details = {
    smartcar_user_id: vehicle.smartcarUserId,
    make: vehicle.make ?? null,
    model: vehicle.model ?? null,
    year: vehicle.year ?? null,
    powertrain: vehicle.powertrain ?? null,
  };
  const added = await db
    .insertInto('vehicles')
    .values({
      account_id: vehicle.accountId,
      vehicle_id: vehicle.vehicleId,
      ...details,
      connected_at: now,
      disconnected_at: null,
    })
    .onConflict((oc) => oc.columns(['account_id', 'vehicle_id']).doNothing())
    .returning('vehicle_id')
    .executeTakeFirst();
  if (added) return true;
  await db
    .updateTable('vehicles')
    .set({ ...details, disconnected_at: null })
    .where('account_id', '=', vehicle.accountId)
    .where('vehicle_id', '=', vehicle.vehicleId)
    .execute();
  return false;
}

/** The account's connected vehicles (disconnected ones too when asked), oldest connection first. */
export async function listAccountVehicles(
  db: Kysely<Database>,
  accountId: string,
  options: { includeDisconnected?: boolean } = {},
): Promise<VehicleRow[]> {
  let query = db.selectFrom('vehicles').selectAll().where('account_id', '=', accountId);
  if (!options.includeDisconnected) query = query.where('disconnected_at', 'is', null);
  return query.orderBy('connected_at').orderBy('vehicle_id').execute();
}

/** One of the account's vehicles, connected or not; undefined when the account never had it. */
export async function findAccountVehicle(
  db: Kysely<Database>,
  accountId: string,
  vehicleId: string,
): Promise<VehicleRow | undefined> {
  return db
    .selectFrom('vehicles')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('vehicle_id', '=', vehicleId)
    .executeTakeFirst();
}

/**
 * Marks a vehicle disconnected from the account at `now` (its signals stay
 * until the account is deleted).
 * @returns false when the account had no such connected vehicle
 */
export async function markVehicleDisconnected(
  db: Kysely<Database>,
  accountId: string,
  vehicleId: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('vehicles')
    .set({ disconnected_at: now })
    .where('account_id', '=', accountId)
    .where('vehicle_id', '=', vehicleId)
    .where('disconnected_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Of `vehicleIds`, those that some account holds connected. On PostgreSQL
 * their rows stay share-locked until the caller's transaction ends: a
 * disconnect, which updates them before it purges the vehicle's values,
 * waits for that transaction, so nothing it writes outlives the purge.
 */
export async function heldVehicleIds(
  db: Kysely<Database>,
  vehicleIds: readonly string[],
): Promise<Set<string>> {
  return new Set((await heldConnections(db, vehicleIds)).keys());
}

/**
 * {@link heldVehicleIds} with, for each vehicle, the Smartcar users through
 * whom accounts hold it. Rows are locked in (vehicle, account) order, the
 * order every locker of several vehicle rows uses, so two lockers cannot
 * deadlock on PostgreSQL.
 */
export async function heldConnections(
  db: Kysely<Database>,
  vehicleIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const held = new Map<string, Set<string>>();
  if (vehicleIds.length === 0) return held;
  let query = db
    .selectFrom('vehicles')
    .select(['vehicle_id', 'smartcar_user_id'])
    .where('vehicle_id', 'in', [...vehicleIds])
    .where('disconnected_at', 'is', null)
    .orderBy('vehicle_id')
    .orderBy('account_id');
  if (isPostgres(db)) query = query.forShare();
  for (const row of await query.execute()) {
    const users = held.get(row.vehicle_id) ?? new Set<string>();
    users.add(row.smartcar_user_id);
    held.set(row.vehicle_id, users);
  }
  return held;
}

/**
 * Locks an account's vehicle rows for the caller's transaction (PostgreSQL;
 * SQLite's write lock already covers it), in the order of
 * {@link heldConnections}: deleting an account then takes them before any
 * other row, as a disconnect does, and never in the opposite order to a
 * webhook's transaction.
 */
export async function lockAccountVehicles(db: Kysely<Database>, accountId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await db
    .selectFrom('vehicles')
    .select('vehicle_id')
    .where('account_id', '=', accountId)
    .orderBy('vehicle_id')
    .orderBy('account_id')
    .forUpdate()
    .execute();
}

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;
