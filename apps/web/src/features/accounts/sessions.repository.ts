import type { Kysely } from 'kysely';
import type { Database, Session } from '../../db/tables.js';

export async function insertSession(db: Kysely<Database>, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session with this hash if it has not expired at `now` (epoch ms). */
export async function findActiveSession(
  db: Kysely<Database>,
  idHash: string,
  now: number,
): Promise<Session | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Deletes sessions that expired before `now` (epoch ms). */
export async function deleteSessionsExpiredBefore(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
