import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { createDatabase, dialectOf, sqliteFilename } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import { withStatementCache } from '../src/db/statement-cache.js';
import type { Database } from '../src/db/tables.js';
import { startWalCheckpointer } from '../src/db/wal-checkpointer.js';
import {
  createTestDatabase,
  dialects,
  dropStaleSchemas,
  POSTGRES_SKIPPED_NOTICE,
  STALE_SCHEMA_MS,
  TEST_DATABASE_URL,
  testSchemaName,
} from './support/test-database.js';

// This file always runs with the app's suite, so the notice is printed once per run.
if (!TEST_DATABASE_URL) console.warn(POSTGRES_SKIPPED_NOTICE);

describe.each(dialects)('the schema on %s', (dialect) => {
  test('every migration is applied, and a second run applies nothing', async () => {
    const db = await createTestDatabase(dialect);
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['accounts', 'oauth_states', 'sessions', 'smartcar_users']),
      );
    } finally {
      await db.destroy();
    }
  });

  test('foreign keys hold and a Smartcar user is linked once per account', async () => {
    const db = await createTestDatabase(dialect);
    try {
      await expect(
        db
          .insertInto('sessions')
          .values({ id_hash: 'h', account_id: 'nobody', created_at: 1, expires_at: 2 })
          .execute(),
      ).rejects.toThrow(/foreign key/i);
      await db
        .insertInto('accounts')
        .values({ id: 'a1', email: 'a1@example.com', password_hash: 'x', created_at: 1 })
        .execute();
      const link = { account_id: 'a1', smartcar_user_id: 'u1', created_at: 1 };
      await db.insertInto('smartcar_users').values(link).execute();
      await expect(db.insertInto('smartcar_users').values(link).execute()).rejects.toThrow(
        /UNIQUE|PRIMARY|duplicate key/,
      );
    } finally {
      await db.destroy();
    }
  });

  test('epoch-ms timestamps and counts read back as numbers', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const now = Date.UTC(2026, 10, 28, 9, 0, 0, 123);
      await db
        .insertInto('accounts')
        .values({ id: 'a1', email: 'a1@example.com', password_hash: 'x', created_at: now })
        .execute();
      const row = await db.selectFrom('accounts').select('created_at').executeTakeFirstOrThrow();
      expect(row.created_at).toBe(now);
      const count = await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});

describe('upgrading a foundation database', () => {
  test('the anonymous per-browser accounts and what hangs off them are dropped; emails are unique', async () => {
    const db = createDatabase({ url: ':memory:' });
    try {
      const { Migrator } = await import('kysely');
      const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
      await migrator.migrateTo('2026-11-28T0000-initial');
      await sql`insert into accounts (id, created_at) values ('anon', 1)`.execute(db);
      await sql`insert into sessions (id_hash, account_id, created_at, expires_at) values ('s', 'anon', 1, 2)`.execute(
        db,
      );
      await sql`insert into smartcar_users (account_id, smartcar_user_id, created_at) values ('anon', 'u', 1)`.execute(
        db,
      );

      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).slice(1));
      for (const table of ['accounts', 'sessions', 'smartcar_users'] as const) {
        expect(await db.selectFrom(table).selectAll().execute()).toEqual([]);
      }
      const account = { email: 'one@example.com', password_hash: 'x', created_at: 1 };
      await db
        .insertInto('accounts')
        .values({ id: 'a', ...account })
        .execute();
      await expect(
        db
          .insertInto('accounts')
          .values({ id: 'b', ...account })
          .execute(),
      ).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.destroy();
    }
  });
});

describe('createDatabase on SQLite', () => {
  test('a file path creates its folder and keeps data across openings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddock-web-db-'));
    try {
      const url = `file:${join(dir, 'nested', 'deeper', 'app.db')}`;
      const first = createDatabase({ url });
      await migrateToLatest(first);
      await first
        .insertInto('accounts')
        .values({ id: 'kept', email: 'kept@example.com', password_hash: 'x', created_at: 5 })
        .execute();
      await first.destroy();
      expect(existsSync(join(dir, 'nested', 'deeper', 'app.db'))).toBe(true);

      const second = createDatabase({ url });
      expect(await migrateToLatest(second)).toEqual([]);
      const { rows } = await sql<{ id: string }>`select id from accounts`.execute(second);
      expect(rows).toEqual([{ id: 'kept' }]);
      await second.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file database is WAL with synchronous NORMAL (commits survive a killed process without an fsync each)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddock-web-db-'));
    const db = createDatabase({ url: `file:${join(dir, 'app.db')}` });
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
      expect(sync.rows[0]?.synchronous).toBe(1); // NORMAL
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      expect(keys.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('WAL checkpoints run on a thread of their own, copying commits into the database file, and stop on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddock-web-db-'));
    const file = join(dir, 'app.db');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    const checkpoints = startWalCheckpointer(sqlite, file, 20);
    try {
      // The app's connection leaves checkpoints to the thread.
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      sqlite.exec('create table t (x text)');
      const before = statSync(file).size;
      const insert = sqlite.prepare('insert into t values (?)');
      sqlite.transaction(() => {
        for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(500));
      })();
      // Committed into the WAL; within a few intervals the thread has copied it into the file.
      const deadline = Date.now() + 5_000;
      while (statSync(file).size < before + 1_000_000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    } finally {
      await checkpoints.stop();
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should the checkpoint thread end, the connection checkpoints itself again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddock-web-db-'));
    const file = join(dir, 'app.db');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    try {
      const checkpoints = startWalCheckpointer(sqlite, join(dir, 'missing-folder', 'app.db'), 20);
      // The thread cannot open its connection there, fails and ends.
      const deadline = Date.now() + 5_000;
      while (sqlite.pragma('wal_autocheckpoint', { simple: true }) === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      await checkpoints.stop();
    } finally {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reused prepared statements give fresh results, past the cache size too', async () => {
    const sqlite = new SQLite(':memory:');
    const cached = withStatementCache(sqlite, 2);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
    try {
      await migrateToLatest(db);
      const find = (id: string) => db.selectFrom('accounts').select('id').where('id', '=', id).execute();
      expect(cached.prepare('select 1 as x')).toBe(cached.prepare('select 1 as x'));
      for (const id of ['a', 'b', 'c']) {
        expect(await find(id)).toEqual([]);
        await db
          .insertInto('accounts')
          .values({ id, email: `${id}@example.com`, password_hash: 'x', created_at: 1 })
          .execute();
        expect(await find(id)).toEqual([{ id }]);
        // Other SQL texts push the older statements out of a two-entry cache.
        await sql`select ${id} as y`.execute(db);
        await sql`select count(*) as n from accounts`.execute(db);
      }
      expect(await db.selectFrom('accounts').select('id').orderBy('id').execute()).toHaveLength(3);
    } finally {
      await db.destroy();
    }
  });

  test('rows read through the cache are the objects better-sqlite3 makes, also after a schema change', () => {
    const sqlite = new SQLite(':memory:');
    const cached = withStatementCache(sqlite);
    try {
      sqlite.exec("create table t (a integer, b text); insert into t values (1, 'x'), (2, null)");
      const same = (sql: string, params: unknown[] = []) =>
        expect(cached.prepare(sql).all(params)).toEqual(sqlite.prepare(sql).all(...params));
      same('select * from t order by a');
      same('select b, a, a + 1, count(*) over () from t where a > ?', [0]);
      // Two columns of one name: the last one wins, as in better-sqlite3's own rows.
      same('select 1 as v, 2 as v');
      expect(cached.prepare('select 1 as v, 2 as v').all([])).toEqual([{ v: 2 }]);
      expect([...cached.prepare('select a from t order by a').iterate([])]).toEqual([{ a: 1 }, { a: 2 }]);
      expect(cached.prepare("insert into t values (3, 'z') returning a, b").all([])).toEqual([
        { a: 3, b: 'z' },
      ]);
      // The cached `select *` learns the new column.
      cached.prepare('alter table t add column c text').run([]);
      same('select * from t order by a');
      expect(Object.keys(cached.prepare('select * from t').all([])[0] as object)).toEqual(['a', 'b', 'c']);
      cached.prepare('alter table t rename column b to bb').run([]);
      expect(Object.keys(cached.prepare('select * from t').all([])[0] as object)).toEqual(['a', 'bb', 'c']);
    } finally {
      cached.close();
    }
  });

  test('DATABASE_URL forms map to SQLite filenames', () => {
    expect(sqliteFilename(':memory:', '/srv')).toBe(':memory:');
    expect(sqliteFilename('file::memory:', '/srv')).toBe(':memory:');
    expect(sqliteFilename('file:data/paddock.db', '/srv')).toBe('/srv/data/paddock.db');
    expect(sqliteFilename('./x.db', '/srv')).toBe('/srv/x.db');
    expect(sqliteFilename('file:///var/lib/x.db', '/srv')).toBe('/var/lib/x.db');
    expect(() => sqliteFilename('postgres://u@h/db', '/srv')).toThrow(/no SQLite filename/);
    // Nothing below main.ts reads the process's working directory.
    expect(sqliteFilename('file:/abs/x.db', undefined)).toBe('/abs/x.db');
    expect(sqliteFilename(':memory:', undefined)).toBe(':memory:');
    expect(() => sqliteFilename('file:data/x.db', undefined)).toThrow(/needs a cwd/);
  });

  test('the dialect follows the URL scheme', () => {
    expect(dialectOf('postgres://u@h/db')).toBe('postgres');
    expect(dialectOf('POSTGRESQL://u@h/db')).toBe('postgres');
    expect(dialectOf('file:x.db')).toBe('sqlite');
    expect(dialectOf(':memory:')).toBe('sqlite');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('createDatabase on PostgreSQL', () => {
  test('a schema name that is not a plain identifier is refused before connecting', () => {
    expect(() => createDatabase({ url: TEST_DATABASE_URL!, schema: 'x; drop table y' })).toThrow(TypeError);
  });

  test("another schema's migration tables (another app's, a killed run's) do not stop migrating ours", async () => {
    const admin = createDatabase({ url: TEST_DATABASE_URL!, poolSize: 1 });
    const [other, ours] = [testSchemaName(Date.now()), testSchemaName(Date.now())];
    try {
      await sql`create schema ${sql.id(other)}`.execute(admin);
      await sql`create schema ${sql.id(ours)}`.execute(admin);
      const first = createDatabase({ url: TEST_DATABASE_URL!, schema: other, poolSize: 1 });
      await migrateToLatest(first).finally(() => first.destroy());
      const db = createDatabase({ url: TEST_DATABASE_URL!, schema: ours, poolSize: 1 });
      try {
        expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).sort());
        expect(await migrateToLatest(db)).toEqual([]);
      } finally {
        await db.destroy();
      }
    } finally {
      for (const name of [other, ours])
        await sql`drop schema if exists ${sql.id(name)} cascade`.execute(admin);
      await admin.destroy();
    }
  });

  test('test schemas over an hour old are dropped; younger ones and other schemas stay', async () => {
    const admin = createDatabase({ url: TEST_DATABASE_URL!, poolSize: 1 });
    const now = Date.now();
    const old = testSchemaName(now - STALE_SCHEMA_MS - 60_000);
    const young = testSchemaName(now - STALE_SCHEMA_MS + 60_000);
    const unrelated = `keep_${young.slice(2)}`;
    try {
      for (const name of [old, young, unrelated]) await sql`create schema ${sql.id(name)}`.execute(admin);
      await sql`create table ${sql.id(old, 'kysely_migration')} (name text)`.execute(admin);
      expect(await dropStaleSchemas(admin, now)).toContain(old);
      const { rows } = await sql<{ name: string }>`select nspname as name from pg_namespace`.execute(admin);
      const names = rows.map((r) => r.name);
      expect(names).not.toContain(old);
      expect(names).toEqual(expect.arrayContaining([young, unrelated]));
    } finally {
      for (const name of [old, young, unrelated])
        await sql`drop schema if exists ${sql.id(name)} cascade`.execute(admin);
      await admin.destroy();
    }
  });

  test('an unreachable server fails the query with an error, not the process', async () => {
    const errors: Error[] = [];
    const db = createDatabase({
      url: 'postgres://nobody@127.0.0.1:1/none',
      onPoolError: (e) => errors.push(e),
    });
    try {
      await expect(sql`select 1`.execute(db)).rejects.toThrow(/ECONNREFUSED|connect/);
    } finally {
      await db.destroy();
    }
  });
});
