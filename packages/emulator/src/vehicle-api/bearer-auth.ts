import type { MiddlewareHandler } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { requestHeader } from '../http/request-header.js';
import { hashToken } from '../iam/secrets.js';
import type { ApplicationRecord } from '../store/records.js';

const unauthorized = (detail: string) =>
  new ApiError('AUTHENTICATION', 'UNAUTHORIZED', {
    detail,
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });

/**
 * The application that owns the token of an `Authorization: Bearer <token>`
 * header. Missing, malformed, unknown and expired tokens are all 401 AUTHENTICATION.
 */
export function authenticate(store: EmulatorDeps['store'], header: string | undefined): ApplicationRecord {
  if (!header) throw unauthorized('The Authorization header is missing; send "Bearer <access token>".');
  const match = /^Bearer\s+([^\s]+)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <access token>".');
  const token = store.tokens.findValid(hashToken(match[1]!));
  const application = token && store.applications.findById(token.applicationId);
  if (!application) throw unauthorized('The access token is invalid or has expired; request a new one.');
  return application;
}

/** Middleware form of `authenticate`: sets the `application` variable. */
export function bearerAuth(deps: Pick<EmulatorDeps, 'store'>): MiddlewareHandler<EmulatorEnv> {
  return (c, next) => {
    c.set('application', authenticate(deps.store, requestHeader(c, 'authorization')));
    return next();
  };
}
