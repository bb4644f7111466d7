import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import type { EmulatorEnv } from './env.js';

/** One log line per request: method, path (never the query: it may carry state or secrets), status, time. */
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
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(now() - started),
      },
      'request',
    );
  };
}
