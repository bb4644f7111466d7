import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { lockAccountVehicles } from '../vehicles/vehicles.repository.js';

/**
 * Deletes the stored signals (latest values, history, last-read time, version)
 * and reported problems of
 * those vehicles no account holds connected, apart from `exceptAccountId`:
 * nobody may see them any more, and a later owner connecting the vehicle
 * must not see the previous owner's positions and history.
 * @returns the vehicle ids whose signals were deleted
 */
export async function deleteSignalsOfUnheld(
  db: Kysely<Database>,
  vehicleIds: readonly string[],
  exceptAccountId?: string,
): Promise<string[]> {
  if (vehicleIds.length === 0) return [];
  let holders = db
    .selectFrom('vehicles')
    .select('vehicle_id')
    .where('vehicle_id', 'in', [...vehicleIds])
    .where('disconnected_at', 'is', null);
  if (exceptAccountId !== undefined) holders = holders.where('account_id', '!=', exceptAccountId);
  const held = new Set((await holders.execute()).map((h) => h.vehicle_id));
  const unheld = [...new Set(vehicleIds)].filter((id) => !held.has(id));
  if (unheld.length === 0) return [];
  await db.deleteFrom('signal_latest').where('vehicle_id', 'in', unheld).execute();
  await db.deleteFrom('signal_history').where('vehicle_id', 'in', unheld).execute();
  await db.deleteFrom('signal_reads').where('vehicle_id', 'in', unheld).execute();
  await db.deleteFrom('signal_versions').where('vehicle_id', 'in', unheld).execute();
  await db.deleteFrom('vehicle_errors').where('vehicle_id', 'in', unheld).execute();
  return unheld;
}

/**
 * Deletes an account and everything held for it, in the caller's
 * transaction: the signals of its vehicles (unless another account still
 * holds the vehicle connected), their subscriptions and last-read times, the
 * problems reported about its Smartcar users' vehicles, then the
 * account row, whose foreign keys take its sessions, Smartcar links,
 * vehicles, command log and messages with it.
 */
export async function deleteAccountData(db: Kysely<Database>, accountId: string): Promise<void> {
  // Vehicle rows first, as a disconnect takes them: a webhook's transaction
  // share-locks them before writing values, so taking them after the values
  // would deadlock with it on PostgreSQL (or miss what it commits meanwhile).
  await lockAccountVehicles(db, accountId);
  const vehicles = await db
    .selectFrom('vehicles')
    .select('vehicle_id')
    .where('account_id', '=', accountId)
    .execute();
  const ids = vehicles.map((v) => v.vehicle_id);
  const purged = await deleteSignalsOfUnheld(db, ids, accountId);
  const users = db
    .selectFrom('smartcar_users')
    .select('smartcar_user_id')
    .where('account_id', '=', accountId);
  await db.deleteFrom('vehicle_errors').where('smartcar_user_id', 'in', users).execute();
  if (purged.length > 0)
    await db.deleteFrom('webhook_subscriptions').where('vehicle_id', 'in', purged).execute();
  // Children first, so this holds whether or not the connection enforces foreign keys.
  await db.deleteFrom('command_log').where('account_id', '=', accountId).execute();
  await db.deleteFrom('vehicles').where('account_id', '=', accountId).execute();
  await db.deleteFrom('smartcar_users').where('account_id', '=', accountId).execute();
  const sessions = db.selectFrom('sessions').select('id_hash').where('account_id', '=', accountId);
  await db.deleteFrom('flash_messages').where('session_id_hash', 'in', sessions).execute();
  await db.deleteFrom('oauth_states').where('session_id_hash', 'in', sessions).execute();
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  await db.deleteFrom('accounts').where('id', '=', accountId).execute();
}
