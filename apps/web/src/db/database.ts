import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './tables.js';

/** Options of `createDatabase`. */
export interface DatabaseOptions {
  /**
   * `:memory:` (or `file::memory:`), `file:<path>` or a plain path. Relative
   * paths resolve against `cwd`. PostgreSQL URLs are refused for now.
   */
  readonly url: string;
  /**
   * Base for relative file paths; required when the URL holds one. Only the
   * composition root reads the process's working directory and passes it here.
   */
  readonly cwd?: string;
}

/**
 * Where a SQLite database lives, from a `DATABASE_URL`.
 * @throws TypeError for a relative path without `cwd`
 */
export function sqliteFilename(url: string, cwd: string | undefined): string {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new TypeError('PostgreSQL is not supported yet; use a SQLite path, file:<path> or :memory:');
  }
  // `file:///abs/path` is a real file URL; `file:relative/path` is the common SQLite shorthand.
  const path = url.startsWith('file://')
    ? fileURLToPath(url)
    : url.startsWith('file:')
      ? url.slice('file:'.length)
      : url;
  if (path === ':memory:' || path === '') return ':memory:';
  if (isAbsolute(path)) return path;
  if (cwd === undefined)
    throw new TypeError(`a relative database path (${path}) needs a cwd to resolve against`);
  return resolve(cwd, path);
}

/**
 * Opens the app's database (creating the file's folder when needed) with
 * foreign keys enforced. The caller owns it: `await db.destroy()` closes it.
 */
export function createDatabase(options: DatabaseOptions): Kysely<Database> {
  const filename = sqliteFilename(options.url, options.cwd);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma('foreign_keys = ON');
  // WAL lets readers proceed while a request writes; a memory database has no journal file.
  if (filename !== ':memory:') sqlite.pragma('journal_mode = WAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
