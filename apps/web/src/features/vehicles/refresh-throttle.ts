import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Shortest time between two reads of a vehicle's signals on request, in ms (default 30 s). */
export const REFRESH_INTERVAL_MS = 30_000;

export type RefreshClaim =
  | { readonly allowed: true }
  /** `agoMs`: since the last read on request; `retryAfterMs`: until the next is allowed. */
  | { readonly allowed: false; readonly agoMs: number; readonly retryAfterMs: number };

/**
 * Limits reads of a vehicle's signals on request (POST /vehicles/:id/refresh)
 * to one per vehicle per interval, across every account and instance: each
 * read spends the application's Smartcar rate limit, so one person pressing
 * the button could otherwise starve everyone else's pages.
 */
export function createRefreshThrottle(deps: {
  db: Kysely<Database>;
  clock: { now(): number };
  /** See {@link REFRESH_INTERVAL_MS}. */
  intervalMs?: number;
}) {
  const { db, clock } = deps;
  const intervalMs = deps.intervalMs ?? REFRESH_INTERVAL_MS;
  return {
    /** Claims the vehicle's next read on request, or says how long until one is allowed. */
    async claim(vehicleId: string): Promise<RefreshClaim> {
      const now = clock.now();
      // One statement: a new row, or an old claim taken over; concurrent callers cannot both win.
      const won = await db
        .insertInto('refresh_claims')
        .values({ vehicle_id: vehicleId, claimed_at: now })
        .onConflict((oc) =>
          oc
            .column('vehicle_id')
            .doUpdateSet({ claimed_at: now })
            .where('refresh_claims.claimed_at', '<=', now - intervalMs),
        )
        .returning('vehicle_id')
        .executeTakeFirst();
      if (won) return { allowed: true };
      const row = await db
        .selectFrom('refresh_claims')
        .select('claimed_at')
        .where('vehicle_id', '=', vehicleId)
        .executeTakeFirst();
      const claimedAt = row?.claimed_at ?? now;
      return {
        allowed: false,
        agoMs: Math.max(0, now - claimedAt),
        retryAfterMs: Math.max(1, claimedAt + intervalMs - now),
      };
    },
  };
}

export type RefreshThrottle = ReturnType<typeof createRefreshThrottle>;
