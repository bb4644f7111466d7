import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Records one attempt in each bucket at `now` (epoch ms), under the attempt's id. */
export async function insertFailures(
  db: Kysely<Database>,
  buckets: readonly string[],
  now: number,
  attemptId: string,
): Promise<void> {
  if (buckets.length === 0) return;
  await db
    .insertInto('sign_in_failures')
    .values(buckets.map((bucket) => ({ bucket, failed_at: now, attempt_id: attemptId })))
    .execute();
}

/** Removes one attempt's rows (all its buckets, or only those given). */
export async function deleteAttempt(
  db: Kysely<Database>,
  attemptId: string,
  buckets?: readonly string[],
): Promise<void> {
  let query = db.deleteFrom('sign_in_failures').where('attempt_id', '=', attemptId);
  if (buckets !== undefined) query = query.where('bucket', 'in', [...buckets]);
  await query.execute();
}

/** The newest `limit` failure times of a bucket since `since` (epoch ms), newest first. */
export async function recentFailures(
  db: Kysely<Database>,
  bucket: string,
  since: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('bucket', '=', bucket)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.failed_at);
}

export async function deleteFailures(db: Kysely<Database>, bucket: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('bucket', '=', bucket).execute();
}

/** Deletes failures at or before `cutoff` (epoch ms): they no longer count. */
export async function deleteFailuresBefore(db: Kysely<Database>, cutoff: number): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('failed_at', '<=', cutoff).execute();
}
