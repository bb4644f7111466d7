import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './tables.js';

/** A query compiled once for a database: its SQL, and where each call's parameters go. */
interface Compiled {
  readonly query: CompiledQuery;
  /** Per parameter of the SQL: the index of the call's parameter, or -1 for a constant of the query. */
  readonly slots: readonly number[];
}

// Stand-ins for the call's parameters while the query is built; never sent to a database.
const marker = (index: number) => `\u0000paddock-parameter-${index}\u0000`;

/**
 * A query that is built and compiled by Kysely once per database and then
 * run with each call's values, for the queries of every page view (the
 * session lookup, the dashboard's reads). Kysely otherwise builds an
 * operation tree, freezes it and compiles it to SQL on every execution,
 * which cost more CPU than SQLite's work on those small queries. The SQL is
 * the dialect's (`?` or `$n` placeholders, its quoting), as when Kysely
 * runs the builder itself.
 *
 * `build` must use each of its parameters as a query value (in `where`,
 * `in`, `values`...), never in JavaScript logic: it runs once, with
 * stand-ins. A parameter the SQL does not carry is an error on first use.
 * The shape of the query is fixed, so variable-length lists do not fit.
 */
export function precompiled<P extends unknown[], R>(
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
): (db: Kysely<Database>, ...params: P) => Promise<R[]> {
  // Per database (a transaction is its own Kysely): the dialect decides the SQL.
  const byDatabase = new WeakMap<Kysely<Database>, Compiled>();
  return async (db, ...params) => {
    let compiled = byDatabase.get(db);
    if (compiled === undefined) {
      compiled = compile(db, build, params.length);
      byDatabase.set(db, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((slot, i) => (slot < 0 ? query.parameters[i] : params[slot]));
    // The compiled query with this call's values; its SQL, node and id are the first compilation's.
    const result = await db.executeQuery<R>({
      sql: query.sql,
      query: query.query,
      queryId: query.queryId,
      parameters,
    });
    return result.rows;
  };
}

function compile<P extends unknown[], R>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
  count: number,
): Compiled {
  const markers = Array.from({ length: count }, (_, i) => marker(i));
  const query = build(db, ...(markers as P)).compile() as CompiledQuery;
  const slots = query.parameters.map((value) => markers.indexOf(value as string));
  for (let i = 0; i < count; i++) {
    if (!slots.includes(i))
      throw new TypeError(`parameter ${i} of a precompiled query is not a value of its SQL`);
  }
  return { query, slots };
}
