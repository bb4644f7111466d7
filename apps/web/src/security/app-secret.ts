import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { type RandomBytes, randomToken } from './tokens.js';

/**
 * The named secret stored in the database, made (256 random bits) by whichever
 * instance asks first. Every instance reads the same value, so a token signed
 * by one verifies on another, and a restart keeps it.
 */
export async function loadOrCreateSecret(
  db: Kysely<Database>,
  name: string,
  random: RandomBytes,
  now: number,
): Promise<Buffer> {
  await db
    .insertInto('app_secrets')
    .values({ name, value: randomToken(random), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('app_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}

/**
 * {@link loadOrCreateSecret} read once per process: the first call loads (or
 * makes) it; a failure (database down) is not kept, so the next call tries again.
 */
export function secretLoader(
  db: Kysely<Database>,
  name: string,
  random: RandomBytes,
  clock: { now(): number },
): () => Promise<Buffer> {
  let secret: Promise<Buffer> | undefined;
  return () => {
    secret ??= loadOrCreateSecret(db, name, random, clock.now()).catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };
}
