import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared, at most; the app issues a few dozen. */
export const STATEMENT_CACHE_SIZE = 256;

// Schema changes: the column names kept for reading rows (below) may no longer hold after one.
const DDL = /^\s*(create|alter|drop)\s/i;

/**
 * The better-sqlite3 handle as Kysely's `SqliteDialect` wants it, except that
 * `prepare` reuses the statement already compiled for the same SQL text.
 * Kysely prepares every query it runs, and compiling the SQL was a tenth of
 * a webhook's cost. Statements are reset after each `all`/`run`, so reuse is
 * safe on the one connection Kysely serialises; the least recently used
 * statement is dropped past `size`. Running a schema change (create, alter,
 * drop) empties the cache.
 */
export function withStatementCache(sqlite: SqliteHandle, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
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
      if (DDL.test(sql)) {
        cache.clear();
        return statement;
      }
      const prepared = statement.reader ? rowsAsObjects(statement) : statement;
      cache.set(sql, prepared);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return prepared;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

/**
 * A statement that returns rows, read as arrays and made into objects here.
 * better-sqlite3 builds each row object through V8's C++ API, one property
 * at a time; arrays come out faster and JavaScript makes the objects in a
 * fraction of that (a quarter off the dashboard's 18-row read). The objects
 * are the ones better-sqlite3 makes: a property per column name, in column
 * order, the last of two same-named columns winning.
 */
function rowsAsObjects(statement: Statement): SqliteStatement {
  const arrays = statement.raw(true);
  let names = statement.columns().map((column) => column.name);
  const toObject = (values: unknown[]): Record<string, unknown> => {
    // A statement SQLite prepared again after a schema change may have other columns.
    if (values.length !== names.length) names = statement.columns().map((column) => column.name);
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
    return row;
  };
  return {
    reader: true,
    all: (parameters) => (arrays.all(parameters) as unknown[][]).map(toObject),
    *iterate(parameters) {
      for (const values of arrays.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(values);
    },
    run: (parameters) => arrays.run(parameters),
  };
}
