import type { MiddlewareHandler } from 'hono';
import type { AppLogger } from '../logger.js';
import { type RandomBytes, randomToken } from '../security/tokens.js';
import type { AppEnv } from './context.js';

export interface RequestContextOptions {
  readonly logger: AppLogger;
  readonly random: RandomBytes;
  readonly clock: { now(): number };
}

/**
 * Gives each request an id and a logger carrying it, and logs one line per
 * request. The path is logged without its query: /exchange's query holds the
 * one-time `state` and the Smartcar user id.
 */
export function requestContext({ logger, random, clock }: RequestContextOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomToken(random, 9);
    const bound = withBindings(logger, { requestId });
    c.set('requestId', requestId);
    c.set('logger', bound);
    const started = clock.now();
    await next();
    bound.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: clock.now() - started },
      'request',
    );
  };
}

/** A logger that adds `bindings` to every entry (pino's `child` when available). */
function withBindings(logger: AppLogger, bindings: object): AppLogger {
  const child = (logger as { child?: (b: object) => AppLogger }).child;
  if (typeof child === 'function') return child.call(logger, bindings);
  return {
    debug: (obj, msg) => logger.debug({ ...bindings, ...obj }, msg),
    info: (obj, msg) => logger.info({ ...bindings, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...bindings, ...obj }, msg),
    error: (obj, msg) => logger.error({ ...bindings, ...obj }, msg),
  };
}
