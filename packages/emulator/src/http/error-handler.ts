import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { Logger } from '../logger.js';
import { ApiError } from './api-error.js';
import type { EmulatorEnv } from './env.js';
import { toErrorEnvelope } from './error-envelope.js';

/** Writes an ApiError as the v3 envelope with its status and headers. */
export function respondWithError(c: Context<EmulatorEnv>, error: ApiError): Response {
  const body = toErrorEnvelope(error, c.get('requestId'));
  return c.json(body, error.status as 400, error.options.headers);
}

/** The single error handler: ApiErrors as thrown, anything else as a logged 500 SERVER / INTERNAL. */
export function createErrorHandler(logger: Logger): ErrorHandler<EmulatorEnv> {
  return (err, c) => {
    if (err instanceof ApiError) return respondWithError(c, err);
    logger.error(
      { err, requestId: c.get('requestId'), method: c.req.method, path: c.req.path },
      'unhandled error',
    );
    return respondWithError(
      c,
      new ApiError('SERVER', 'INTERNAL', { detail: 'The emulator failed to handle this request.' }),
    );
  };
}

/** Unknown path or method: Smartcar's 404 INVALID_PATH, never a framework default. */
export const notFound: NotFoundHandler<EmulatorEnv> = (c) =>
  respondWithError(
    c,
    new ApiError('RESOURCE_NOT_FOUND', 'INVALID_PATH', {
      detail: `No resource at ${c.req.method} ${c.req.path}.`,
    }),
  );
