import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.js';

/** Thrown when a migration fails; the message names it and keeps the cause. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the schema to the latest migration. Safe to call at every start:
 * Kysely records applied migrations and takes a lock while it runs.
 *
 * @returns the names of the migrations applied by this call.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
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
