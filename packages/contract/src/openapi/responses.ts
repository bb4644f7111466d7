import { z } from 'zod';
import { ERROR_CATALOGUE, ERROR_TYPES, statusOf } from '../errors.js';
import { HEADER_REQUEST_ID } from '../hosts.js';
import { OAUTH_ERROR_CODES } from '../iam.js';
import { inlineSchema, type JsonObject, schemaRef } from './json-schemas.js';

/** Status with no entry in the contract's catalogue: reference §5.2 lists it for commands, without a body. */
export const GATEWAY_TIMEOUT = 504;

/** Every status the v3 error catalogue can answer with, ascending. */
export const CATALOGUE_STATUSES: readonly number[] = [
  ...new Set(ERROR_TYPES.flatMap((type) => ERROR_CATALOGUE[type].codes.map((code) => statusOf(type, code)))),
].sort((a, b) => a - b);

/** The `type: codes` pairs the catalogue answers with at one status, for the response's description. */
function catalogueAt(status: number): string {
  return ERROR_TYPES.flatMap((type) => {
    const codes = ERROR_CATALOGUE[type].codes.filter((code) => statusOf(type, code) === status);
    return codes.length > 0 ? [`\`${type}\` (${codes.join(', ')})`] : [];
  }).join('; ');
}

const REQUEST_ID_HEADER = { [HEADER_REQUEST_ID]: { $ref: '#/components/headers/ScRequestId' } };
// An HTTP header rather than a Smartcar one, hence no constant in the contract.
const RETRY_AFTER = 'retry-after';

/** Headers of every Vehicle and Management API response. */
export function requestIdHeader(): JsonObject {
  return { ...REQUEST_ID_HEADER };
}

/** `components.headers`. */
export function buildHeaderComponents(): Record<string, JsonObject> {
  return {
    ScRequestId: {
      description: 'Smartcar’s id of the request, also in `errors[].meta.debug.requestId` (reference §5.3).',
      schema: inlineSchema(z.string()),
    },
    RetryAfter: {
      description: 'Seconds to wait before retrying (reference §3.1).',
      schema: inlineSchema(z.number().int().nonnegative()),
    },
  };
}

/** The component key of an error response: the v3 envelope, or for the IAM surface the OAuth body. */
export function errorResponseKey(status: number, oauth: boolean): string {
  return oauth ? `OAuthError${status}` : `Error${status}`;
}

function v3Error(status: number): JsonObject {
  const headers: JsonObject =
    status === 429
      ? { ...REQUEST_ID_HEADER, [RETRY_AFTER]: { $ref: '#/components/headers/RetryAfter' } }
      : REQUEST_ID_HEADER;
  return {
    description: `v3 error envelope. Types and codes at ${status}: ${catalogueAt(status)}.`,
    headers,
    content: { 'application/json': { schema: schemaRef('V3ErrorEnvelope') } },
  };
}

function oauthError(codes: string): JsonObject {
  return {
    description: `RFC 6749 §5.2 error (reference §2; shape by OAuth convention, unverified). Typically ${codes}.`,
    content: { 'application/json': { schema: schemaRef('OAuthError') } },
  };
}

/** `components.responses`: one per error status of the catalogue, the 504 of commands, and the OAuth errors. */
export function buildResponseComponents(): Record<string, JsonObject> {
  const oauthCodes = OAUTH_ERROR_CODES.filter((c) => c !== 'invalid_client')
    .map((c) => `\`${c}\``)
    .join(', ');
  return {
    ...Object.fromEntries(
      CATALOGUE_STATUSES.map((status) => [errorResponseKey(status, false), v3Error(status)]),
    ),
    [errorResponseKey(GATEWAY_TIMEOUT, false)]: {
      description:
        'Gateway timeout: the vehicle did not answer in time (reference §5.2). No body is documented, ' +
        'and the contract has none, so none is declared.',
      headers: REQUEST_ID_HEADER,
    },
    [errorResponseKey(400, true)]: oauthError(oauthCodes),
    [errorResponseKey(401, true)]: oauthError('`invalid_client`'),
  };
}
