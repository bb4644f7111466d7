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
    const requestId = newRequestId(random);
    c.set('requestId', requestId);
    c.set('logger', new RequestLogger(logger, requestId));
    const started = clock.now();
    await next();
    logRequest(
      logger,
      { requestId, method: c.req.method, path: c.req.path, status: c.res.status, started },
      clock,
    );
  };
}

/** A new request id: 12 characters of base64url. */
export const newRequestId = (random: RandomBytes): string => randomToken(random, 9);

/** The one line logged per request, the path without its query. */
export function logRequest(
  logger: AppLogger,
  r: { requestId: string; method: string; path: string; status: number; started: number },
  clock: { now(): number },
): void {
  // The same entry a logger bound to the id would write (the id first), without binding one per request.
  logger.info(
    { requestId: r.requestId, method: r.method, path: r.path, status: r.status, ms: clock.now() - r.started },
    'request',
  );
}

/**
 * A request's logger: its entries carry the request id. The bound logger
 * (pino's `child`) is made when the request first logs something of its own,
 * which most requests never do.
 */
export class RequestLogger implements AppLogger {
  #bound: AppLogger | undefined;
  constructor(
    private readonly base: AppLogger,
    private readonly requestId: string,
  ) {}

  debug(...entry: Parameters<AppLogger['debug']>): void {
    this.#logger().debug(...entry);
  }
  info(...entry: Parameters<AppLogger['info']>): void {
    this.#logger().info(...entry);
  }
  warn(...entry: Parameters<AppLogger['warn']>): void {
    this.#logger().warn(...entry);
  }
  error(...entry: Parameters<AppLogger['error']>): void {
    this.#logger().error(...entry);
  }

  #logger(): AppLogger {
    this.#bound ??= withBindings(this.base, { requestId: this.requestId });
    return this.#bound;
  }
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
