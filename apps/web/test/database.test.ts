import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase, sqliteFilename } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

describe('createDatabase and migrateToLatest', () => {
  test('migrations create the four tables once, and a second run applies nothing', async () => {
    const db = createDatabase({ url: ':memory:' });
    try {
      expect(await migrateToLatest(db)).toEqual(['2026-11-28T0000-initial']);
      expect(await migrateToLatest(db)).toEqual([]);
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => t.name).sort()).toEqual([
        'accounts',
        'oauth_states',
        'sessions',
        'smartcar_users',
      ]);
    } finally {
      await db.destroy();
    }
  });

  test('foreign keys hold and a Smartcar user is linked once per account', async () => {
    const db = createDatabase({ url: ':memory:' });
    try {
      await migrateToLatest(db);
      await expect(
        db
          .insertInto('sessions')
          .values({ id_hash: 'h', account_id: 'nobody', created_at: 1, expires_at: 2 })
          .execute(),
      ).rejects.toThrow(/FOREIGN KEY/);
      await db.insertInto('accounts').values({ id: 'a1', created_at: 1 }).execute();
      const link = { account_id: 'a1', smartcar_user_id: 'u1', created_at: 1 };
      await db.insertInto('smartcar_users').values(link).execute();
      await expect(db.insertInto('smartcar_users').values(link).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    } finally {
      await db.destroy();
    }
  });

  test('a file path creates its folder and keeps data across openings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddock-web-db-'));
    try {
      const url = `file:${join(dir, 'nested', 'deeper', 'app.db')}`;
      const first = createDatabase({ url });
      await migrateToLatest(first);
      await first.insertInto('accounts').values({ id: 'kept', created_at: 5 }).execute();
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

  test('DATABASE_URL forms map to SQLite filenames; PostgreSQL is refused for now', () => {
    expect(sqliteFilename(':memory:', '/srv')).toBe(':memory:');
    expect(sqliteFilename('file::memory:', '/srv')).toBe(':memory:');
    expect(sqliteFilename('file:data/paddock.db', '/srv')).toBe('/srv/data/paddock.db');
    expect(sqliteFilename('./x.db', '/srv')).toBe('/srv/x.db');
    expect(sqliteFilename('file:///var/lib/x.db', '/srv')).toBe('/var/lib/x.db');
    expect(() => sqliteFilename('postgres://u@h/db', '/srv')).toThrow(/PostgreSQL is not supported yet/);
    // Nothing below main.ts reads the process's working directory.
    expect(sqliteFilename('file:/abs/x.db', undefined)).toBe('/abs/x.db');
    expect(sqliteFilename(':memory:', undefined)).toBe(':memory:');
    expect(() => sqliteFilename('file:data/x.db', undefined)).toThrow(/needs a cwd/);
  });
});
