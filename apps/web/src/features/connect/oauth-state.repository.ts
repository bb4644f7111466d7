import type { Kysely } from 'kysely';
import type { Database, NewOAuthState, OAuthState } from '../../db/tables.js';

export async function insertState(db: Kysely<Database>, row: NewOAuthState): Promise<void> {
  await db.insertInto('oauth_states').values(row).execute();
}

/** A session's most recent states, used or not, newest first. */
export async function listSessionStates(
  db: Kysely<Database>,
  sessionIdHash: string,
  limit: number,
): Promise<OAuthState[]> {
  return db
    .selectFrom('oauth_states')
    .selectAll()
    .where('session_id_hash', '=', sessionIdHash)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Marks a state used, only if nobody did first.
 * @returns false when it was already used (a concurrent or repeated redirect).
 */
export async function markStateUsed(db: Kysely<Database>, stateHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('oauth_states')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Deletes states that expired before `cutoff` (epoch ms). */
export async function deleteStatesExpiredBefore(db: Kysely<Database>, cutoff: number): Promise<void> {
  await db.deleteFrom('oauth_states').where('expires_at', '<', cutoff).execute();
}
