import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { PasswordHasher } from '../../security/password-hasher.js';
import { type RandomBytes, randomToken } from '../../security/tokens.js';
import { findAccountByEmail, insertAccount } from './accounts.repository.js';
import { normaliseEmail, signInFilled, signUpProblems } from './credentials.js';
import type { SignInLimiter } from './sign-in-limiter.js';

export type SignUpOutcome =
  | { kind: 'created'; accountId: string; email: string }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'taken' }
  | { kind: 'limited'; retryAfterMs: number };

export type SignInOutcome =
  | { kind: 'signed-in'; accountId: string; email: string }
  /** Wrong password, unknown email or an empty field: one answer for all, so accounts cannot be probed. */
  | { kind: 'rejected' }
  | { kind: 'limited'; retryAfterMs: number };

export interface AccountsServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly random: RandomBytes;
  readonly hasher: PasswordHasher;
  readonly limiter: SignInLimiter;
}

/** Sign-up and sign-in with an email and a password. */
export function createAccountsService({ db, clock, random, hasher, limiter }: AccountsServiceDeps) {
  // Checked against when the email is unknown, so that answer costs one scrypt
  // like a wrong password does and its timing does not reveal which accounts exist.
  let decoy: Promise<string> | undefined;
  const decoyHash = () => {
    decoy ??= hasher.hash(randomToken(random));
    return decoy;
  };

  return {
    /**
     * Creates an account. Counted per client address before anything else
     * is looked at, so neither the hashing nor the "taken" answer (which says
     * an email has an account) can be had in bulk.
     * @param address the client's address, for the per-address limit
     */
    async signUp(rawEmail: string, password: string, address: string): Promise<SignUpOutcome> {
      const email = normaliseEmail(rawEmail);
      const problems = signUpProblems(email, password);
      if (problems.length > 0) return { kind: 'invalid', problems };
      const limit = await limiter.beginSignUp(address);
      if (limit.limited) return { kind: 'limited', retryAfterMs: limit.retryAfterMs };
      if (await findAccountByEmail(db, email)) return { kind: 'taken' };
      const account = {
        id: randomToken(random, 16),
        email,
        password_hash: await hasher.hash(password),
        created_at: clock.now(),
      };
      // The unique index decides a race between two sign-ups for one email.
      if (!(await insertAccount(db, account))) return { kind: 'taken' };
      return { kind: 'created', accountId: account.id, email };
    },

    /**
     * Checks a sign-in. The attempt is counted before the password is
     * checked, so concurrent guesses cannot all slip under the limit, and a
     * correct password does not get through a locked email either.
     * @param address the client's address, for the per-address limit
     */
    async signIn(rawEmail: string, password: string, address: string): Promise<SignInOutcome> {
      const email = normaliseEmail(rawEmail);
      if (!signInFilled(email, password)) return { kind: 'rejected' };
      const limit = await limiter.begin({ email, address });
      if (limit.limited) return { kind: 'limited', retryAfterMs: limit.retryAfterMs };

      const account = await findAccountByEmail(db, email);
      const matches = account
        ? await hasher.verify(password, account.password_hash)
        : await hasher.verify(password, await decoyHash()).then(() => false);
      // A failure stays counted as it was recorded.
      if (!account || !matches) return { kind: 'rejected' };
      await limiter.succeeded(limit.attempt);
      return { kind: 'signed-in', accountId: account.id, email: account.email };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
