import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import type { AppLogger } from '../../logger.js';

/** Longest `/readyz` waits for the database, in ms (2 s): a load balancer's probe times out soon after. */
export const READY_DEADLINE_MS = 2_000;
/** How long one database check answers every probe, in ms (1 s). */
export const READY_REUSE_MS = 1_000;

export interface HealthRoutesDeps {
  /** Asks the database something trivial (`select 1`); rejects when it cannot. */
  readonly checkDatabase: () => Promise<unknown>;
  readonly logger: AppLogger;
  /** True once the process is shutting down: `/readyz` then sends traffic elsewhere. */
  readonly draining: () => boolean;
  readonly clock: { now(): number };
  readonly readyDeadlineMs?: number;
}

type Check = { readonly ok: boolean; readonly at: number };

/**
 * Probes for a load balancer or an orchestrator, served ahead of sessions,
 * CSRF and the request log (a probe every few seconds would drown it):
 * `GET /healthz` answers 200 while the process serves requests (liveness);
 * `GET /readyz` answers 200 when the database answers within the deadline
 * and the process is not shutting down, else 503 with the reason
 * (readiness). Probes arriving together share one database check, and a
 * check answers the probes of the next second too, so a flood of them
 * costs the database one query a second, and a database that hangs gets
 * one waiting query, not one per probe. Neither says more than that: no
 * versions, no hosts.
 */
export function healthRoutes({
  checkDatabase,
  logger,
  draining,
  clock,
  readyDeadlineMs = READY_DEADLINE_MS,
}: HealthRoutesDeps) {
  const app = new Hono<AppEnv>();
  const noStore = { 'cache-control': 'no-store' };
  let last: Check | undefined;
  let running: Promise<Check> | undefined;

  const check = (): Promise<Check> => {
    running ??= checkDatabase()
      .then(
        () => ({ ok: true, at: clock.now() }),
        (error: unknown) => {
          logger.warn({ err: error }, 'not ready: the database failed');
          return { ok: false, at: clock.now() };
        },
      )
      .then((done) => {
        last = done;
        running = undefined;
        return done;
      });
    return running;
  };

  const databaseReady = async (): Promise<boolean> => {
    if (last !== undefined && clock.now() - last.at < READY_REUSE_MS) return last.ok;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), readyDeadlineMs);
    });
    try {
      const answer = await Promise.race([check(), late]);
      if (answer !== 'late') return answer.ok;
      logger.warn({ ms: readyDeadlineMs }, 'not ready: the database did not answer in time');
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore));

  app.get('/readyz', async (c) => {
    if (draining()) return c.json({ status: 'unavailable', reason: 'shutting down' }, 503, noStore);
    if (!(await databaseReady())) return c.json({ status: 'unavailable', reason: 'database' }, 503, noStore);
    return c.json({ status: 'ready' }, 200, noStore);
  });

  return app;
}
