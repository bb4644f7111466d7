import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { hashToken, type RandomBytes, randomToken } from '../../security/tokens.js';
import { insertAccount } from './accounts.repository.js';
import { deleteSessionsExpiredBefore, findActiveSession, insertSession } from './sessions.repository.js';

/** How long a browser session lasts, in milliseconds (30 days). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A live session as the routes see it. The raw cookie value never leaves the middleware. */
export interface CurrentSession {
  readonly idHash: string;
  readonly accountId: string;
  readonly expiresAt: number;
}

export interface SessionServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly random: RandomBytes;
}

/** Browser sessions, each bound to one app account. */
export function createSessionService({ db, clock, random }: SessionServiceDeps) {
  return {
    /** The session for a cookie value, or null when unknown or expired. */
    async resolve(cookieValue: string): Promise<CurrentSession | null> {
      const row = await findActiveSession(db, hashToken(cookieValue), clock.now());
      return row ? { idHash: row.id_hash, accountId: row.account_id, expiresAt: row.expires_at } : null;
    },

    /**
     * Creates a new anonymous account and a session for it.
     * @returns the cookie value (shown to the browser once, stored only hashed) and the session.
     */
    async start(): Promise<{ cookieValue: string; session: CurrentSession }> {
      const now = clock.now();
      const cookieValue = randomToken(random);
      const session: CurrentSession = {
        idHash: hashToken(cookieValue),
        accountId: randomToken(random, 16),
        expiresAt: now + SESSION_TTL_MS,
      };
      await db.transaction().execute(async (trx) => {
        // Housekeeping on the (rare) creation path keeps the table bounded without a timer.
        await deleteSessionsExpiredBefore(trx, now);
        await insertAccount(trx, { id: session.accountId, created_at: now });
        await insertSession(trx, {
          id_hash: session.idHash,
          account_id: session.accountId,
          created_at: now,
          expires_at: session.expiresAt,
        });
      });
      return { cookieValue, session };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
