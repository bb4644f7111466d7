import { IAM_TOKEN_PATH } from '../core/wire.js';
import { APIError, InvalidResponseError } from '../errors.js';
import { num, obj, str, tryParseJson } from '../parse/json.js';
import type { AttemptRequest, RawResponse } from '../transport/attempt.js';

export interface TokenRequestInput {
  iamOrigin: string;
  clientId: string;
  clientSecret: string;
  userAgent: string;
}

/** A fresh application token and its lifetime. */
export interface IssuedToken {
  accessToken: string;
  /** Lifetime in seconds, as the server stated it. */
  expiresIn: number;
}

/**
 * The client-credentials request of reference §2: a form-encoded POST, the
 * documented default, so it works against Smartcar and any faithful emulator.
 */
export function buildTokenRequest(input: TokenRequestInput): { url: string; init: AttemptRequest } {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: input.clientId,
    client_secret: input.clientSecret,
  });
  return {
    url: `${input.iamOrigin}${IAM_TOKEN_PATH}`,
    init: {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': input.userAgent,
      },
      body: body.toString(),
    },
  };
}

/**
 * Reads the token endpoint's answer. Errors go through `APIError.fromResponse`,
 * which turns IAM's `{error, error_description}` into an `OAuthError`.
 */
export function parseTokenResponse(res: RawResponse, nowMs: number): IssuedToken {
  if (res.status < 200 || res.status >= 300) {
    throw APIError.fromResponse(res.status, res.text, res.headers, nowMs);
  }
  const body = obj(tryParseJson(res.text));
  const accessToken = str(body?.access_token);
  const expiresIn = num(body?.expires_in);
  if (accessToken === undefined || expiresIn === undefined || expiresIn <= 0) {
    throw new InvalidResponseError(
      'The token endpoint answered without a usable access_token and expires_in',
    );
  }
  const tokenType = str(body?.token_type);
  if (tokenType !== undefined && tokenType.toLowerCase() !== 'bearer') {
    throw new InvalidResponseError(`The token endpoint issued an unsupported token_type "${tokenType}"`);
  }
  return { accessToken, expiresIn };
}
