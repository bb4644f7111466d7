import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/tables.js';

/** The engines a db-touching test file runs on. */
export type TestDialect = 'sqlite' | 'postgres';

/** `TEST_DATABASE_URL` (a PostgreSQL URL) adds PostgreSQL to every db-touching test file. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** SQLite always; PostgreSQL too when `TEST_DATABASE_URL` is set. Use with `describe.each`. */
export const dialects: readonly TestDialect[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** Printed once per run (by test/database.test.ts) when PostgreSQL is left out. */
export const POSTGRES_SKIPPED_NOTICE = 'PostgreSQL tests skipped: TEST_DATABASE_URL not set';

// One schema per test file (this module is loaded once per file), migrated once;
// every database handed out empties its tables first, so each test starts clean.
let fileSchema: Promise<string> | undefined;

if (TEST_DATABASE_URL) {
  afterAll(async () => {
    if (fileSchema === undefined) return;
    const schema = await fileSchema.catch(() => undefined);
    if (schema === undefined) return;
    const admin = createDatabase({ url: TEST_DATABASE_URL!, poolSize: 1 });
    try {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    } finally {
      await admin.destroy();
    }
  });
}

/**
 * A migrated, empty database for one test: SQLite `:memory:`, or a pool on
 * this file's PostgreSQL schema. The caller destroys it.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<Kysely<Database>> {
  if (dialect === 'sqlite') {
    const db = createDatabase({ url: ':memory:' });
    await migrateToLatest(db);
    return db;
  }
  if (!TEST_DATABASE_URL) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  fileSchema ??= createFileSchema(TEST_DATABASE_URL);
  const schema = await fileSchema;
  const db = createDatabase({ url: TEST_DATABASE_URL, schema, poolSize: 4 });
  await emptyTables(db, schema);
  return db;
}

/** A test schema's name: `t_<creation time, epoch seconds in base 36>_<random>`. */
export function testSchemaName(now: number): string {
  return `t_${Math.floor(now / 1000).toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Schemas of test files older than this are left over from a killed run (1 hour). */
export const STALE_SCHEMA_MS = 60 * 60 * 1000;

/**
 * Drops the test schemas created more than {@link STALE_SCHEMA_MS} before
 * `now`: a run killed before its `afterAll` leaves its schema behind. A
 * running file's schema is younger than any test run, so it is never
 * touched. Names without a creation time (an older harness's) are left
 * alone, since their age is unknown.
 * @returns the names dropped
 */
export async function dropStaleSchemas(admin: Kysely<Database>, now: number): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select nspname as name from pg_namespace where nspname ~ '^t_[0-9a-z]+_[0-9a-f]+$'
  `.execute(admin);
  const stale = rows
    .map((r) => r.name)
    .filter((name) => parseInt(name.split('_')[1]!, 36) * 1000 < now - STALE_SCHEMA_MS);
  for (const name of stale) await sql`drop schema if exists ${sql.id(name)} cascade`.execute(admin);
  return stale;
}

async function createFileSchema(url: string): Promise<string> {
  const schema = testSchemaName(Date.now());
  const admin = createDatabase({ url, poolSize: 1 });
  try {
    await dropStaleSchemas(admin, Date.now());
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const db = createDatabase({ url, schema, poolSize: 1 });
    try {
      await migrateToLatest(db);
    } catch (error) {
      // afterAll never learns this schema's name, so it goes now.
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      throw error;
    } finally {
      await db.destroy();
    }
  } finally {
    await admin.destroy();
  }
  return schema;
}

async function emptyTables(db: Kysely<Database>, schema: string): Promise<void> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
  `.execute(db);
  if (rows.length === 0) return;
  await sql`truncate table ${sql.join(rows.map((r) => sql.id(r.table_name)))} cascade`.execute(db);
}
