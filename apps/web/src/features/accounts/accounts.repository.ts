import type { Kysely } from 'kysely';
import type { Account, Database } from '../../db/tables.js';

/**
 * Adds an account.
 * @returns false when the email is taken (checked by the unique index, so two
 *   sign-ups racing for one email cannot both win)
 */
export async function insertAccount(db: Kysely<Database>, account: Account): Promise<boolean> {
  const inserted = await db
    .insertInto('accounts')
    .values(account)
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The account with this (normalised) email, if any. */
export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}
