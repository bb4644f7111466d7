import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { hashToken, type RandomBytes, randomToken } from '../../security/tokens.js';
import {
  deleteSession,
  deleteSessionsExpiredBefore,
  findActiveSession,
  insertSession,
} from './sessions.repository.js';

/** How long a browser session lasts, in milliseconds (30 days). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A signed-in session as the routes see it. The raw cookie value never leaves the middleware. */
export interface CurrentSession {
  readonly idHash: string;
  readonly accountId: string;
  readonly email: string;
  readonly expiresAt: number;
  /**
   * Whether flash messages were waiting for it when the request began (read
   * with the session, so pages without any skip the query that takes them).
   */
  readonly hasFlashes: boolean;
}

export interface SessionServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly random: RandomBytes;
}

/** Browser sessions, each bound to one app account, stored only as hashes. */
export function createSessionService({ db, clock, random }: SessionServiceDeps) {
  return {
    /** The session for a cookie value, or null when unknown or expired. */
    async resolve(cookieValue: string): Promise<CurrentSession | null> {
      const row = await findActiveSession(db, hashToken(cookieValue), clock.now());
      return row
        ? {
            idHash: row.id_hash,
            accountId: row.account_id,
            email: row.email,
            expiresAt: row.expires_at,
            hasFlashes: row.has_flashes,
          }
        : null;
    },

    /**
     * Starts a session for an account that just signed up or in, under a new
     * id: the session the browser had before (if any) is deleted, so an id
     * planted in the browser beforehand is worth nothing afterwards.
     * @returns the cookie value (shown to the browser once, stored only hashed) and the session.
     */
    async start(
      account: { id: string; email: string },
      previousIdHash?: string,
    ): Promise<{ cookieValue: string; session: CurrentSession }> {
      const now = clock.now();
      const cookieValue = randomToken(random);
      const session: CurrentSession = {
        idHash: hashToken(cookieValue),
        accountId: account.id,
        email: account.email,
        expiresAt: now + SESSION_TTL_MS,
        hasFlashes: false,
      };
      await db.transaction().execute(async (trx) => {
        if (previousIdHash !== undefined) await deleteSession(trx, previousIdHash);
        // Housekeeping on the (rare) sign-in path keeps the table bounded without a timer.
        await deleteSessionsExpiredBefore(trx, now);
        await insertSession(trx, {
          id_hash: session.idHash,
          account_id: session.accountId,
          created_at: now,
          expires_at: session.expiresAt,
        });
      });
      return { cookieValue, session };
    },

    /** Ends a session (sign out): its row goes, so the cookie is worthless even if kept. */
    async end(idHash: string): Promise<void> {
      await deleteSession(db, idHash);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
