import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** A message for the next page a session opens. */
export interface Flash {
  readonly kind: 'success' | 'error' | 'info';
  readonly message: string;
  /** A way out offered with the message, e.g. `{ href: '/login', label: 'Connect again' }`. */
  readonly action?: { readonly href: string; readonly label: string } | undefined;
}

// A session that never comes back for its messages keeps at most this many.
const KEPT_PER_SESSION = 5;

/** Stores a message for a session; only its newest few are kept. */
export async function insertFlash(
  db: Kysely<Database>,
  row: { id: string; sessionIdHash: string; flash: Flash; now: number },
): Promise<void> {
  await db
    .insertInto('flash_messages')
    .values({
      id: row.id,
      session_id_hash: row.sessionIdHash,
      kind: row.flash.kind,
      message: row.flash.message,
      action_href: row.flash.action?.href ?? null,
      action_label: row.flash.action?.label ?? null,
      created_at: row.now,
    })
    .execute();
  const stale = await db
    .selectFrom('flash_messages')
    .select('id')
    .where('session_id_hash', '=', row.sessionIdHash)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(KEPT_PER_SESSION)
    .limit(100)
    .execute();
  if (stale.length > 0)
    await db
      .deleteFrom('flash_messages')
      .where(
        'id',
        'in',
        stale.map((s) => s.id),
      )
      .execute();
}

/**
 * Takes a session's messages, oldest first, and deletes exactly those rows,
 * so each is shown once even when two pages load at the same time.
 */
export async function takeFlashes(db: Kysely<Database>, sessionIdHash: string): Promise<Flash[]> {
  const rows = await db
    .selectFrom('flash_messages')
    .selectAll()
    .where('session_id_hash', '=', sessionIdHash)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const deleted = await db
    .deleteFrom('flash_messages')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .returning('id')
    .execute();
  const taken = new Set(deleted.map((d) => d.id));
  return rows
    .filter((r) => taken.has(r.id))
    .map((r) => ({
      kind: r.kind === 'success' || r.kind === 'error' ? r.kind : 'info',
      message: r.message,
      action:
        r.action_href !== null && r.action_label !== null
          ? { href: r.action_href, label: r.action_label }
          : undefined,
    }));
}
