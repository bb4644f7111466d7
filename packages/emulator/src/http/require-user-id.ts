import { HEADER_USER_ID } from '@paddock/contract';
import type { Context } from 'hono';
import { ApiError } from './api-error.js';
import type { EmulatorEnv } from './env.js';
import { requestHeader } from './request-header.js';

/** Longest `sc-user-id` accepted; Smartcar user ids are 36-character UUIDs. */
const MAX_USER_ID_LENGTH = 256;

/**
 * Reads the `sc-user-id` header that signals, commands and charge schedules
 * require (reference §3.1). Missing or blank → 400 `VALIDATION / MISSING_PARAMETER`;
 * absurdly long → 400 `VALIDATION / INVALID_INPUT_FORMAT`. An id that names no
 * user is not an error here: the caller's connection lookup answers 404.
 */
export function requireUserId(c: Pick<Context<EmulatorEnv>, 'req' | 'env'>): string {
  return checkUserId(requestHeader(c, HEADER_USER_ID));
}

/** `requireUserId` on the header's value (`undefined` when absent). */
export function checkUserId(header: string | undefined): string {
  const raw = header?.trim();
  if (!raw) {
    throw new ApiError('VALIDATION', 'MISSING_PARAMETER', {
      detail: `Missing userId: send the "${HEADER_USER_ID}" header with the Smartcar user id returned by Connect.`,
    });
  }
  if (raw.length > MAX_USER_ID_LENGTH) {
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
      detail: `The "${HEADER_USER_ID}" header is longer than ${MAX_USER_ID_LENGTH} characters.`,
    });
  }
  return raw;
}
