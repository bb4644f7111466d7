import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * Deletes an account and everything held for it, in the caller's
 * transaction: the signals of its vehicles (unless another account still
 * holds the vehicle), their subscriptions and last-read times, then the
 * account row, whose foreign keys take its sessions, Smartcar links,
 * vehicles, command log and messages with it.
 */
export async function deleteAccountData(db: Kysely<Database>, accountId: string): Promise<void> {
  const vehicles = await db
    .selectFrom('vehicles')
    .select('vehicle_id')
    .where('account_id', '=', accountId)
    .execute();
  const ids = vehicles.map((v) => v.vehicle_id);
  if (ids.length > 0) {
    const held = await db
      .selectFrom('vehicles')
      .select('vehicle_id')
      .where('vehicle_id', 'in', ids)
      .where('account_id', '!=', accountId)
      .execute();
    const keep = new Set(held.map((h) => h.vehicle_id));
    const only = ids.filter((id) => !keep.has(id));
    if (only.length > 0) {
      await db.deleteFrom('signal_latest').where('vehicle_id', 'in', only).execute();
      await db.deleteFrom('signal_history').where('vehicle_id', 'in', only).execute();
      await db.deleteFrom('signal_reads').where('vehicle_id', 'in', only).execute();
      await db.deleteFrom('webhook_subscriptions').where('vehicle_id', 'in', only).execute();
    }
  }
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
