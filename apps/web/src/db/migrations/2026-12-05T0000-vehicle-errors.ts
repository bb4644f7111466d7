import type { Kysely } from 'kysely';

// The problems Smartcar reports about a vehicle through VEHICLE_ERROR
// webhooks that are still open: one row per vehicle, Smartcar user (a
// problem belongs to that user's connection: an expired login is theirs,
// not another account's holding the same car), error type and code,
// written when an error is reported and deleted when it is resolved.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vehicle_errors')
    .addColumn('vehicle_id', 'text', (col) => col.notNull())
    .addColumn('smartcar_user_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    // Smartcar's code, or '' when it sent null (a key column cannot be null).
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('suggested_user_message', 'text')
    .addColumn('resolution_type', 'text')
    .addColumn('signal_codes', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('reported_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('vehicle_errors_pk', ['vehicle_id', 'smartcar_user_id', 'type', 'code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('vehicle_errors').execute();
}
