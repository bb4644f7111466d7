import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { hashToken, type RandomBytes, randomToken } from '../../security/tokens.js';
import {
  deleteAttempt,
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
  /**
   * Sign-ups (each one a costly password hash, and an answer saying whether
   * the email has an account) allowed per client address in the window,
   * whatever their outcome; forms with problems are not counted. Default 10.
   */
  readonly signUpsPerAddress?: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60_000,
  perEmail: 5,
  perAddress: 20,
  signUpsPerAddress: 10,
};

/** An attempt allowed to go on to the password check, already counted. */
export interface SignInAttempt {
  readonly id: string;
  readonly keys: AttemptKeys;
}

export type LimitCheck = { limited: false; attempt: SignInAttempt } | { limited: true; retryAfterMs: number };

/** What the limiter counts for one attempt; emails and addresses are stored only hashed. */
export interface AttemptKeys {
  readonly email: string;
  readonly address: string;
}

/**
 * Counts sign-in attempts in the database, so the limit holds across
 * instances and restarts, on the injected clock.
 *
 * An attempt is recorded before its password is checked and counted with
 * the ones already there; only a success removes it again. Checking first
 * and recording the failure after the (slow) password check let any number
 * of concurrent guesses through the check before the first one was recorded.
 */
export function createSignInLimiter(deps: {
  db: Kysely<Database>;
  clock: { now(): number };
  random: RandomBytes;
  limits?: SignInLimits;
}) {
  const { db, clock, random } = deps;
  const limits = deps.limits ?? DEFAULT_SIGN_IN_LIMITS;
  const emailBucket = (keys: AttemptKeys) => `email:${hashToken(keys.email)}`;
  const addressBucket = (keys: AttemptKeys) => `address:${hashToken(keys.address)}`;
  const bucketsOf = (keys: AttemptKeys) => [
    { bucket: emailBucket(keys), max: limits.perEmail },
    { bucket: addressBucket(keys), max: limits.perAddress },
  ];

  /**
   * Records an attempt in the buckets and counts it with those already
   * there (so concurrent attempts cannot all pass); over a bucket's limit,
   * it is removed again and the wait is given.
   */
  async function record(buckets: readonly { bucket: string; max: number }[]) {
    const now = clock.now();
    const id = randomToken(random, 16);
    // Housekeeping on this path keeps the table bounded without a timer.
    await deleteFailuresBefore(db, now - limits.windowMs);
    await insertFailures(
      db,
      buckets.map((b) => b.bucket),
      now,
      id,
    );
    let retryAfterMs = 0;
    for (const { bucket, max } of buckets) {
      // This attempt's own row is among them, so more than `max` means `max` were there already.
      const times = await recentFailures(db, bucket, now - limits.windowMs, max + 1);
      if (times.length > max) retryAfterMs = Math.max(retryAfterMs, times[max]! + limits.windowMs - now);
    }
    if (retryAfterMs > 0) {
      await deleteAttempt(db, id);
      return { limited: true, retryAfterMs } as const;
    }
    return { limited: false, id } as const;
  }

  return {
    /**
     * Records an attempt and says whether it may go on to the password
     * check: not when a bucket already held its limit of attempts in the
     * window. A refused attempt is removed again (waiting does not lengthen
     * the wait); the wait ends when the oldest attempt that keeps a bucket at
     * its limit leaves the window.
     */
    async begin(keys: AttemptKeys): Promise<LimitCheck> {
      const outcome = await record(bucketsOf(keys));
      return outcome.limited ? outcome : { limited: false, attempt: { id: outcome.id, keys } };
    },

    /**
     * Records a sign-up from this address and says whether it may go on;
     * it stays counted whatever its outcome.
     */
    async beginSignUp(
      address: string,
    ): Promise<{ limited: false } | { limited: true; retryAfterMs: number }> {
      const max = limits.signUpsPerAddress ?? DEFAULT_SIGN_IN_LIMITS.signUpsPerAddress!;
      const outcome = await record([{ bucket: `signup:${hashToken(address)}`, max }]);
      return outcome.limited ? outcome : { limited: false };
    },

    /**
     * A correct password: clears the email's failures, and takes this attempt
     * off the address's count (other failures from the address stay).
     */
    async succeeded(attempt: SignInAttempt): Promise<void> {
      await deleteFailures(db, emailBucket(attempt.keys));
      await deleteAttempt(db, attempt.id, [addressBucket(attempt.keys)]);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
