import type { Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.js';
import type { Database, Session } from '../../db/tables.js';

export async function insertSession(db: Kysely<Database>, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A live session as every request reads it. */
export type ActiveSession = Pick<Session, 'id_hash' | 'account_id' | 'expires_at'> & {
  /** The account's email, for the page header. */
  email: string;
  /** Whether flash messages were waiting for it (see `takeFlashes`). */
  has_flashes: boolean;
};

// Every request runs it: compiled once, and the waiting flash messages checked in the same round trip.
const activeSession = precompiled((db, idHash: string, now: number) =>
  db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['sessions.id_hash', 'sessions.account_id', 'sessions.expires_at', 'accounts.email'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('flash_messages')
            .select('flash_messages.id')
            .whereRef('flash_messages.session_id_hash', '=', 'sessions.id_hash'),
        )
        .as('has_flashes'),
    )
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now),
);

/** The session with this hash, with its account's email, if it has not expired at `now` (epoch ms). */
export async function findActiveSession(
  db: Kysely<Database>,
  idHash: string,
  now: number,
): Promise<ActiveSession | undefined> {
  const row = (await activeSession(db, idHash, now))[0];
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  return row && { ...row, has_flashes: Boolean(row.has_flashes) };
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Deletes sessions that expired before `now` (epoch ms). */
export async function deleteSessionsExpiredBefore(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
