import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppEnv } from '../../http/context.js';
import type { AppLogger } from '../../logger.js';

/** Longest `/readyz` waits for the database, in ms (2 s): a load balancer's probe times out soon after. */
export const READY_DEADLINE_MS = 2_000;

export interface HealthRoutesDeps {
  readonly db: Kysely<Database>;
  readonly logger: AppLogger;
  /** True once the process is shutting down: `/readyz` then sends traffic elsewhere. */
  readonly draining: () => boolean;
  readonly readyDeadlineMs?: number;
}

/**
 * Probes for a load balancer or an orchestrator, served ahead of sessions,
 * CSRF and the request log (a probe every few seconds would drown it):
 * `GET /healthz` answers 200 while the process serves requests (liveness);
 * `GET /readyz` answers 200 when the database answers within the deadline
 * and the process is not shutting down, else 503 with the reason
 * (readiness). Neither says more than that: no versions, no hosts.
 */
export function healthRoutes({
  db,
  logger,
  draining,
  readyDeadlineMs = READY_DEADLINE_MS,
}: HealthRoutesDeps) {
  const app = new Hono<AppEnv>();
  const noStore = { 'cache-control': 'no-store' };

  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore));

  app.get('/readyz', async (c) => {
    if (draining()) return c.json({ status: 'unavailable', reason: 'shutting down' }, 503, noStore);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), readyDeadlineMs);
    });
    try {
      const answer = await Promise.race([sql`select 1`.execute(db).then(() => 'ok' as const), late]);
      if (answer === 'late') {
        logger.warn({ ms: readyDeadlineMs }, 'not ready: the database did not answer in time');
        return c.json({ status: 'unavailable', reason: 'database' }, 503, noStore);
      }
      return c.json({ status: 'ready' }, 200, noStore);
    } catch (error) {
      logger.warn({ err: error }, 'not ready: the database failed');
      return c.json({ status: 'unavailable', reason: 'database' }, 503, noStore);
    } finally {
      clearTimeout(timer);
    }
  });

  return app;
}
