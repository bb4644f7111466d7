import type { Kysely } from 'kysely';

// A version of each vehicle's latest values, replaced in the same
// transaction as every write of them: a page showing those values may keep
// what it read and read it again only when the version changed, on any
// instance. Versions are random, so a vehicle whose values were deleted and
// written again never comes back with a version seen before. Vehicles whose
// values predate this table have none until their next write, and are read
// every time meanwhile.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signal_versions')
    .addColumn('vehicle_id', 'text', (col) => col.primaryKey())
    .addColumn('version', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signal_versions').execute();
}
