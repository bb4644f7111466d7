import type { Kysely } from 'kysely';

// When each vehicle's signals were last read on a person's request (the
// page's "Read again" button): such reads are limited per vehicle, since
// every one spends the application's Smartcar rate limit. A row is claimed
// with one conditional upsert, so concurrent requests cannot both win.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('refresh_claims')
    .addColumn('vehicle_id', 'text', (col) => col.primaryKey())
    .addColumn('claimed_at', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refresh_claims').execute();
}
