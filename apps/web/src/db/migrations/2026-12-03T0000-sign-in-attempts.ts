import type { Kysely } from 'kysely';

// Sign-in attempts are recorded before the password is checked (so concurrent
// guesses cannot all pass the limit check first); a successful one is then
// removed from its address's count by this id. Nullable: rows from before
// have none and simply age out of the window.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sign_in_failures').addColumn('attempt_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sign_in_failures').dropColumn('attempt_id').execute();
}
