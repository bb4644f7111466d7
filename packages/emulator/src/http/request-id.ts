import { randomUUID } from 'node:crypto';
import { HEADER_REQUEST_ID } from '@paddock/contract';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorEnv } from './env.js';

/**
 * Gives every request a random `sc-request-id` and puts it on every response,
 * errors included (the error handler echoes it in `meta.debug.requestId`).
 */
export function requestId(): MiddlewareHandler<EmulatorEnv> {
  return (c, next) => {
    const id = randomUUID();
    c.set('requestId', id);
    // Over HTTP the header goes straight on Node's response, before anything can
    // fail: editing `c.res.headers` afterwards would turn the adapter's plain
    // header record into a fetch Headers object on every request.
    const outgoing = c.env?.outgoing;
    if (outgoing) {
      outgoing.setHeader(HEADER_REQUEST_ID, id);
      return next();
    }
    return next().then(() => {
      c.res.headers.set(HEADER_REQUEST_ID, id);
    });
  };
}
