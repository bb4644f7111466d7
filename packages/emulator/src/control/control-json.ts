import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { readJsonBody } from '../http/json-body.js';

/**
 * Reads the JSON body of a control action. The content type must be JSON
 * even when the body is empty: a cross-site form or `no-cors` fetch cannot
 * send that without a preflight, so a web page cannot drive the
 * (unauthenticated, local) control surface.
 */
export async function readControlBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(?:;|$)/i.test(type.trim())) {
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
      detail: 'Control actions take Content-Type: application/json (send {} when there is nothing to say).',
    });
  }
  return readJsonBody(c, schema, { whenEmpty: {} });
}

/** A caller mistake reported by a service as a TypeError or RangeError, as a 400. */
export function asValidation(err: unknown): never {
  if (err instanceof TypeError || err instanceof RangeError) {
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', { detail: err.message });
  }
  throw err;
}
