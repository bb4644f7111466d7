import { type Kysely, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from './migrations/index.js';

/** Thrown when a migration fails; the message names it and keeps the cause. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the schema to the latest migration. Safe to call at every start:
 * Kysely records applied migrations and takes a lock while it runs.
 *
 * On PostgreSQL the migration tables are looked for in the connection's
 * current schema (the first of its `search_path`) by name: Kysely otherwise
 * takes a `kysely_migration` table in any schema of the database (another
 * app's, or a test run's left behind) as ours, skips creating it, and then
 * fails on the missing table.
 *
 * @returns the names of the migrations applied by this call.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const schema = await currentSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const which = failed ? `migration ${failed.migrationName} failed` : 'migrations failed';
    throw new MigrationError(`Database ${which}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** PostgreSQL: the schema unqualified names are created in. SQLite has none. */
async function currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema)
    throw new MigrationError('Database migrations failed: the search_path names no existing schema');
  return schema;
}
