import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { hashToken } from '../../security/tokens.js';
import {
  deleteFailures,
  deleteFailuresBefore,
  insertFailures,
  recentFailures,
} from './sign-in-failures.repository.js';

/** How many failed sign-ins are allowed, and over what window. */
export interface SignInLimits {
  /** Window over which failures count, in ms. Default 15 minutes. */
  readonly windowMs: number;
  /** Failures allowed per email in the window. Default 5. */
  readonly perEmail: number;
  /**
   * Failures allowed per client address in the window. Default 20: an
   * address may be a whole office behind one NAT, and one person guessing at
   * several accounts is stopped by it all the same.
   */
  readonly perAddress: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { windowMs: 15 * 60_000, perEmail: 5, perAddress: 20 };

export type LimitCheck = { limited: false } | { limited: true; retryAfterMs: number };

/** What the limiter counts for one attempt; emails and addresses are stored only hashed. */
export interface AttemptKeys {
  readonly email: string;
  readonly address: string;
}

/**
 * Counts failed sign-ins in the database, so the limit holds across
 * instances and restarts, on the injected clock.
 */
export function createSignInLimiter(deps: {
  db: Kysely<Database>;
  clock: { now(): number };
  limits?: SignInLimits;
}) {
  const { db, clock } = deps;
  const limits = deps.limits ?? DEFAULT_SIGN_IN_LIMITS;
  const bucketsOf = (keys: AttemptKeys) => [
    { bucket: `email:${hashToken(keys.email)}`, max: limits.perEmail },
    { bucket: `address:${hashToken(keys.address)}`, max: limits.perAddress },
  ];

  return {
    /**
     * Whether this attempt must wait. The wait ends when the oldest failure
     * that keeps a bucket at its limit leaves the window.
     */
    async check(keys: AttemptKeys): Promise<LimitCheck> {
      const now = clock.now();
      let retryAfterMs = 0;
      for (const { bucket, max } of bucketsOf(keys)) {
        const times = await recentFailures(db, bucket, now - limits.windowMs, max);
        if (times.length >= max)
          retryAfterMs = Math.max(retryAfterMs, times[max - 1]! + limits.windowMs - now);
      }
      return retryAfterMs > 0 ? { limited: true, retryAfterMs } : { limited: false };
    },

    /** Counts a failure against the email and the address. */
    async recordFailure(keys: AttemptKeys): Promise<void> {
      const now = clock.now();
      await deleteFailuresBefore(db, now - limits.windowMs);
      await insertFailures(
        db,
        bucketsOf(keys).map((b) => b.bucket),
        now,
      );
    },

    /** A correct password clears the email's failures (not the address's). */
    async recordSuccess(keys: AttemptKeys): Promise<void> {
      await deleteFailures(db, bucketsOf(keys)[0]!.bucket);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
