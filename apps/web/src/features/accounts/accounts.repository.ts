import type { Kysely } from 'kysely';
import type { Account, Database } from '../../db/tables.js';

export async function insertAccount(db: Kysely<Database>, account: Account): Promise<void> {
  await db.insertInto('accounts').values(account).execute();
}
