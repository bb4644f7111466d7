import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared, at most; the app issues a few dozen. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The better-sqlite3 handle as Kysely's `SqliteDialect` wants it, except that
 * `prepare` reuses the statement already compiled for the same SQL text.
 * Kysely prepares every query it runs, and compiling the SQL was a tenth of
 * a webhook's cost. Statements are reset after each `all`/`run`, so reuse is
 * safe on the one connection Kysely serialises; the least recently used
 * statement is dropped past `size`.
 */
export function withStatementCache(sqlite: SqliteHandle, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached !== undefined) {
        // Re-inserting moves it to the end: Map order is the recency order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
