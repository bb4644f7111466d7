import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables.js';

/**
 * Runs `work` in one transaction: everything it writes commits together, or
 * nothing does when it throws. Resolves only after the commit, so a caller
 * that answers afterwards (a webhook's 200) answers for durable data.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(work);
}
