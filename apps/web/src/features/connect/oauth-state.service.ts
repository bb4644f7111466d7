import type { Kysely } from 'kysely';
import type { Database, OAuthState } from '../../db/tables.js';
import { constantTimeEqual, hashToken, type RandomBytes, randomToken } from '../../security/tokens.js';
import {
  deleteStatesExpiredBefore,
  insertState,
  listSessionStates,
  markStateUsed,
} from './oauth-state.repository.js';

/** How long a `state` stays valid, in milliseconds (10 minutes). */
export const STATE_TTL_MS = 10 * 60 * 1000;
// Expired states are kept a day so a late redirect is told "expired", not "unknown".
const EXPIRED_RETENTION_MS = 24 * 60 * 60 * 1000;
// Bounds the rows compared per check; a session rarely has more than a few.
const STATES_CHECKED_PER_SESSION = 50;
const MAX_STATE_LENGTH = 256;

/** Why a `state` was refused; every refusal stores nothing. */
export type StateRejection = 'missing' | 'unknown' | 'expired' | 'reused';
export type StateCheck = { ok: true } | { ok: false; reason: StateRejection };

export interface OAuthStateServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly random: RandomBytes;
}

/**
 * One-time OAuth `state` values (RFC 9700 §4.7): 256 random bits, stored only
 * as a hash, bound to the session that asked for them, valid 10 minutes, used once.
 */
export function createOAuthStateService({ db, clock, random }: OAuthStateServiceDeps) {
  return {
    /** A fresh state for this session. */
    async issue(sessionIdHash: string): Promise<string> {
      const now = clock.now();
      const state = randomToken(random);
      await deleteStatesExpiredBefore(db, now - EXPIRED_RETENTION_MS);
      await insertState(db, {
        state_hash: hashToken(state),
        session_id_hash: sessionIdHash,
        created_at: now,
        expires_at: now + STATE_TTL_MS,
        used_at: null,
      });
      return state;
    },

    /**
     * Checks `state` against this session's states and uses it up.
     * @param executor a transaction, so the check and what it guards commit together
     */
    async consume(
      sessionIdHash: string,
      state: string | undefined,
      executor: Kysely<Database> = db,
    ): Promise<StateCheck> {
      if (state === undefined || state === '') return { ok: false, reason: 'missing' };
      if (state.length > MAX_STATE_LENGTH) return { ok: false, reason: 'unknown' };
      const now = clock.now();
      const candidates = await listSessionStates(executor, sessionIdHash, STATES_CHECKED_PER_SESSION);
      const match = findInConstantTime(candidates, hashToken(state));
      if (match === undefined) return { ok: false, reason: 'unknown' };
      if (match.used_at !== null) return { ok: false, reason: 'reused' };
      if (match.expires_at <= now) return { ok: false, reason: 'expired' };
      if (!(await markStateUsed(executor, match.state_hash, now))) return { ok: false, reason: 'reused' };
      return { ok: true };
    },
  };
}

export type OAuthStateService = ReturnType<typeof createOAuthStateService>;

// Looks at every candidate, so the time taken does not reveal which one (if any) matched.
function findInConstantTime(candidates: OAuthState[], stateHash: string): OAuthState | undefined {
  let match: OAuthState | undefined;
  for (const candidate of candidates) {
    if (constantTimeEqual(candidate.state_hash, stateHash)) match = candidate;
  }
  return match;
}
