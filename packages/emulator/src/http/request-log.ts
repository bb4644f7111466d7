import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import type { EmulatorEnv } from './env.js';

/**
 * One log line per request: method, route, status, time. The route pattern
 * is logged, not the path: Connect's paths carry interaction ids, which are
 * capabilities, and the query may carry `state` or secrets.
 */
export function requestLog(
  logger: Logger,
  now: () => number = () => performance.now(),
): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const started = now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(now() - started),
      },
      'request',
    );
  };
}
