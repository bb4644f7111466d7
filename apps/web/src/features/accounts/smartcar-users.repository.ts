import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Links a Smartcar user to an account; linking the same pair twice is a no-op. */
export async function linkSmartcarUser(
  db: Kysely<Database>,
  accountId: string,
  smartcarUserId: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('smartcar_users')
    .values({ account_id: accountId, smartcar_user_id: smartcarUserId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'smartcar_user_id']).doNothing())
    .execute();
}

/** The Smartcar user ids linked to an account, oldest first. */
export async function listSmartcarUserIds(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('smartcar_users')
    .select('smartcar_user_id')
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('smartcar_user_id')
    .execute();
  return rows.map((r) => r.smartcar_user_id);
}

/** Whether an account other than this one has linked the Smartcar user. */
export async function linkedToAnotherAccount(
  db: Kysely<Database>,
  smartcarUserId: string,
  accountId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('smartcar_users')
    .select('account_id')
    .where('smartcar_user_id', '=', smartcarUserId)
    .where('account_id', '!=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}
