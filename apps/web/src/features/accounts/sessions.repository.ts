import type { Kysely } from 'kysely';
import type { Database, Session } from '../../db/tables.js';

export async function insertSession(db: Kysely<Database>, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session with this hash, with its account's email, if it has not expired at `now` (epoch ms). */
export async function findActiveSession(
  db: Kysely<Database>,
  idHash: string,
  now: number,
): Promise<(Session & { email: string }) | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .selectAll('sessions')
    .select('accounts.email')
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Deletes sessions that expired before `now` (epoch ms). */
export async function deleteSessionsExpiredBefore(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
