import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Pool } from 'pg';
import { withStatementCache } from './statement-cache.js';
import type { Database } from './tables.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

/** The two engines the app runs on. */
export type DatabaseDialect = 'sqlite' | 'postgres';

/** Options of `createDatabase`. */
export interface DatabaseOptions {
  /**
   * `postgres://…` / `postgresql://…` for PostgreSQL; otherwise SQLite:
   * `:memory:` (or `file::memory:`), `file:<path>`, `file:///abs/path` or a
   * plain path. Relative paths resolve against `cwd`.
   */
  readonly url: string;
  /**
   * Base for relative file paths; required when the URL holds one. Only the
   * composition root reads the process's working directory and passes it here.
   */
  readonly cwd?: string;
  /** PostgreSQL only: the schema every connection uses (`search_path`). Default the server's. */
  readonly schema?: string;
  /** PostgreSQL only: connections in the pool, at most. Default 10. */
  readonly poolSize?: number;
  /**
   * PostgreSQL only: told about errors of idle pooled connections (the server
   * restarted, the network dropped). Without a listener they would end the process.
   */
  readonly onPoolError?: (error: Error) => void;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
// Unquoted PostgreSQL identifiers only, so a schema name can never carry SQL.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8_OID = 20;

/** Which engine a `DATABASE_URL` selects. */
export function dialectOf(url: string): DatabaseDialect {
  return POSTGRES_URL.test(url) ? 'postgres' : 'sqlite';
}

/**
 * Where a SQLite database lives, from a `DATABASE_URL`.
 * @throws TypeError for a PostgreSQL URL, or a relative path without `cwd`
 */
export function sqliteFilename(url: string, cwd: string | undefined): string {
  if (dialectOf(url) === 'postgres') throw new TypeError('a PostgreSQL URL has no SQLite filename');
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
 * Opens the app's database. SQLite: the file's folder is created when needed,
 * foreign keys are enforced, the journal is WAL with `synchronous=NORMAL`,
 * checkpointed on a worker thread (`wal-checkpointer.ts`), and prepared
 * statements are reused (see `openSqlite`). PostgreSQL: a `pg` pool
 * whose `int8` columns (the epoch-ms timestamps and counts) read back as
 * JavaScript numbers, as SQLite's integers do. The caller owns it:
 * `await db.destroy()` closes it.
 */
export function createDatabase(options: DatabaseOptions): Kysely<Database> {
  return dialectOf(options.url) === 'postgres' ? openPostgres(options) : openSqlite(options);
}

function openSqlite(options: DatabaseOptions): Kysely<Database> {
  const filename = sqliteFilename(options.url, options.cwd);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma('foreign_keys = ON');
  if (filename !== ':memory:') {
    // WAL lets readers proceed while a request writes; a memory database has no journal file.
    sqlite.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints instead of at every commit. A
    // commit is in the WAL file (the OS's page cache) before it returns, so a
    // crash or kill of the process loses nothing committed; a power loss or
    // an OS crash may lose the last commits before a checkpoint (never
    // corrupts). FULL would add an fsync to every commit.
    sqlite.pragma('synchronous = NORMAL');
  }
  const checkpoints = filename === ':memory:' ? undefined : startWalCheckpointer(sqlite, filename);
  const database = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  if (checkpoints === undefined) return db;
  // destroy() resolves once the checkpoint thread has made its last checkpoint and closed
  // its connection too, so the files are no longer in use (a restart, a folder removed).
  const destroy = db.destroy.bind(db);
  return Object.assign(db, {
    async destroy() {
      await destroy();
      await checkpoints.stop();
    },
  });
}

function openPostgres(options: DatabaseOptions): Kysely<Database> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new TypeError(`schema must be a lower-case identifier, got ${JSON.stringify(options.schema)}`);
  }
  const schema = options.schema;
  // pg is loaded on first use, so SQLite deployments never load it.
  const pool = async (): Promise<Pool> => {
    const pg = await import('pg');
    const created = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID && format !== 'binary'
            ? parseInt8
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    created.on('error', (error) => options.onPoolError?.(error));
    return created;
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * `int8` → number. Every bigint the app stores is an epoch-ms timestamp or a
 * count, far below 2^53; anything larger would lose digits, so it is refused.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
  return value;
}
