import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppLogger } from '../../logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long stored data is kept, in ms. */
export interface RetentionPolicy {
  /** Webhook events (kept to answer duplicates once by `eventId`). Default 7 days. */
  readonly webhookEventsMs: number;
  /** Signal history (the charts and the track show 24 h). Default 30 days. */
  readonly signalHistoryMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  webhookEventsMs: 7 * DAY_MS,
  signalHistoryMs: 30 * DAY_MS,
};
/** How often the job runs, in ms (default 1 h). */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
// A claim only matters for the refresh interval (30 s); a day is plenty.
const REFRESH_CLAIMS_MS = DAY_MS;

/** Rows deleted by one run. */
export interface PruneResult {
  readonly webhookEvents: number;
  readonly signalHistory: number;
  readonly refreshClaims: number;
  readonly vehicleProblems: number;
}

/**
 * Deletes webhook events received, and signal history measured, before the
 * policy's age, stale refresh claims, and vehicle problems not reported
 * again within the history's age or of a connection no longer held: without it these tables grow with
 * every delivery for as long as the app runs. A duplicate delivery of an
 * event older than its retention is stored again (Smartcar retries for
 * hours, not days), and its older values never win over newer ones.
 */
export async function pruneOldData(
  db: Kysely<Database>,
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<PruneResult> {
  const events = await db
    .deleteFrom('webhook_events')
    .where('received_at', '<', now - policy.webhookEventsMs)
    .executeTakeFirst();
  const history = await db
    .deleteFrom('signal_history')
    .where('oem_updated_at', '<', now - policy.signalHistoryMs)
    .executeTakeFirst();
  const claims = await db
    .deleteFrom('refresh_claims')
    .where('claimed_at', '<', now - REFRESH_CLAIMS_MS)
    .executeTakeFirst();
  // Problems not reported again within the history's age, and those of a
  // connection no longer held (revoked at Smartcar, found by a listing).
  const problems = await db
    .deleteFrom('vehicle_errors')
    .where((eb) =>
      eb.or([
        eb('reported_at', '<', now - policy.signalHistoryMs),
        eb.not(
          eb.exists(
            eb
              .selectFrom('vehicles')
              .select('vehicles.vehicle_id')
              .whereRef('vehicles.vehicle_id', '=', 'vehicle_errors.vehicle_id')
              .whereRef('vehicles.smartcar_user_id', '=', 'vehicle_errors.smartcar_user_id')
              .where('vehicles.disconnected_at', 'is', null),
          ),
        ),
      ]),
    )
    .executeTakeFirst();
  return {
    webhookEvents: Number(events.numDeletedRows),
    signalHistory: Number(history.numDeletedRows),
    refreshClaims: Number(claims.numDeletedRows),
    vehicleProblems: Number(problems.numDeletedRows),
  };
}

/**
 * Runs {@link pruneOldData} now and then every `intervalMs` (default 1 h)
 * until stopped. Several instances may run it at once: the deletes are idempotent.
 * @returns stops the job, waiting for a run under way
 */
export function startRetention(deps: {
  db: Kysely<Database>;
  clock: { now(): number };
  logger: AppLogger;
  policy?: RetentionPolicy;
  intervalMs?: number;
}): () => Promise<void> {
  const { db, clock, logger } = deps;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const pruned = await pruneOldData(db, clock.now(), deps.policy);
        logger.info({ ...pruned }, 'old data pruned');
      } catch (error) {
        logger.error({ err: error }, 'pruning old data failed');
      }
    });
  };
  run();
  const timer = setInterval(run, deps.intervalMs ?? RETENTION_INTERVAL_MS);
  // Never what keeps the process alive.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
