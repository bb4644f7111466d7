import type { Kysely } from 'kysely';
import { precompiled } from '../src/db/precompiled.js';
import type { Database } from '../src/db/tables.js';
import { findActiveSession, insertSession } from '../src/features/accounts/sessions.repository.js';
import { insertFlash, takeFlashes } from '../src/features/flash/flash.repository.js';
import { createTestDatabase, dialects } from './support/test-database.js';

const byEmailAfter = (db: Kysely<Database>, email: string, after: number) =>
  db
    .selectFrom('accounts')
    .select(['id', 'email'])
    .where('email', '>=', email)
    .where('created_at', '>', after)
    .where('id', 'in', ['a1', 'a2', 'a3'])
    .orderBy('email');

describe.each(dialects)('precompiled queries on %s', (dialect) => {
  let db: Kysely<Database>;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await db
      .insertInto('accounts')
      .values([
        { id: 'a1', email: 'a@example.com', created_at: 10, password_hash: 'x' },
        { id: 'a2', email: 'b@example.com', created_at: 20, password_hash: 'x' },
        { id: 'a3', email: 'c@example.com', created_at: 30, password_hash: 'x' },
        { id: 'a4', email: 'd@example.com', created_at: 40, password_hash: 'x' },
      ])
      .execute();
  });
  afterEach(async () => {
    await db.destroy();
  });

  test('each call runs with its own values and answers as Kysely running the builder does', async () => {
    const query = precompiled(byEmailAfter);
    for (const [email, after] of [
      ['a@example.com', 0],
      ['b@example.com', 15],
      ['a@example.com', 25],
      ['z@example.com', 0],
    ] as const) {
      expect(await query(db, email, after)).toEqual(await byEmailAfter(db, email, after).execute());
    }
    // Constants of the query (the `in` list) stay: a4 matches the values but not the list.
    expect((await query(db, 'a@example.com', 0)).map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
  });

  test('a parameter used outside the SQL is refused at the first call', async () => {
    const query = precompiled((d, email: string, label: string) =>
      d
        .selectFrom('accounts')
        .select(['id', 'email'])
        .where('email', '=', email + label),
    );
    await expect(query(db, 'a@example.com', '')).rejects.toThrow(TypeError);
  });

  test('the session lookup says whether flash messages are waiting, until they are taken', async () => {
    await insertSession(db, { id_hash: 'h1', account_id: 'a1', created_at: 0, expires_at: 1_000 });
    expect(await findActiveSession(db, 'h1', 500)).toEqual({
      id_hash: 'h1',
      account_id: 'a1',
      expires_at: 1_000,
      email: 'a@example.com',
      has_flashes: false,
    });
    await insertFlash(db, { id: 'f1', sessionIdHash: 'h1', flash: { kind: 'info', message: 'hi' }, now: 1 });
    expect((await findActiveSession(db, 'h1', 500))?.has_flashes).toBe(true);
    expect(await takeFlashes(db, 'h1')).toHaveLength(1);
    expect((await findActiveSession(db, 'h1', 500))?.has_flashes).toBe(false);
    expect(await findActiveSession(db, 'h1', 1_000)).toBeUndefined();
    expect(await findActiveSession(db, 'h2', 500)).toBeUndefined();
  });
});
