import { randomUUID } from 'node:crypto';
import { HEADER_REQUEST_ID } from '@paddock/contract';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorEnv } from './env.js';

/**
 * Gives every request a random `sc-request-id` and puts it on every response,
 * errors included (the error handler echoes it in `meta.debug.requestId`).
 */
export function requestId(): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set(HEADER_REQUEST_ID, id);
  };
}
