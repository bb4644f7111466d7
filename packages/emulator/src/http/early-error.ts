import { IAM_TOKEN_PATH, type OAuthErrorBody } from '@paddock/contract';
import type { Context } from 'hono';
import { ApiError } from './api-error.js';
import type { EmulatorEnv } from './env.js';
import { toErrorEnvelope } from './error-envelope.js';

/**
 * A `VALIDATION / INVALID_INPUT_FORMAT` problem found before any route ran
 * (oversized body, broken encoding), in the error shape of the surface hit:
 * OAuth JSON on the token endpoint, the v3 envelope everywhere else. `status`
 * overrides the catalogue's 400 (413 for an oversized body) in the header and
 * in the envelope's `status` alike.
 */
export function earlyValidationError(c: Context<EmulatorEnv>, status: 400 | 413, detail: string): Response {
  if (c.req.path === IAM_TOKEN_PATH) {
    const body: OAuthErrorBody = { error: 'invalid_request', error_description: detail };
    return c.json(body, status, { 'Cache-Control': 'no-store' });
  }
  const envelope = toErrorEnvelope(
    new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', { detail }),
    c.get('requestId'),
  );
  for (const error of envelope.errors) error.status = String(status);
  return c.json(envelope, status);
}
