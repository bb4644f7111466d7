import { OAuthError } from './oauth-error.js';

/** What the token endpoint needs from a request, however the client sent it. */
export interface ParsedTokenRequest {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  /** True when the credentials came from `Authorization: Basic`. */
  usedBasic: boolean;
}

/**
 * Reads a token request from a form body, a JSON body or HTTP Basic
 * (reference §2: all three are seen). Malformed input throws
 * `invalid_request`, never anything else.
 */
export function parseTokenRequest(
  contentType: string | undefined,
  body: string,
  authorization?: string,
): ParsedTokenRequest {
  const fields = parseBody(contentType, body);
  const basic = authorization === undefined ? undefined : parseBasic(authorization);
  if (basic && (fields.client_id !== undefined || fields.client_secret !== undefined)) {
    // RFC 6749 §2.3: a client must not use more than one authentication method per request.
    throw new OAuthError(
      'invalid_request',
      'Send client credentials either in the body or with HTTP Basic, not both.',
    );
  }
  return {
    grantType: fields.grant_type,
    clientId: basic?.clientId ?? fields.client_id,
    clientSecret: basic?.clientSecret ?? fields.client_secret,
    usedBasic: basic !== undefined,
  };
}

function parseBody(contentType: string | undefined, body: string): Record<string, string | undefined> {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType) {
    if (body.trim() === '') return {};
    throw new OAuthError(
      'invalid_request',
      'Send the body as application/x-www-form-urlencoded or application/json.',
    );
  }
  if (mediaType === 'application/x-www-form-urlencoded') return parseForm(body);
  if (mediaType === 'application/json') return parseJson(body);
  throw new OAuthError(
    'invalid_request',
    `Unsupported content type ${mediaType}; send application/x-www-form-urlencoded or application/json.`,
  );
}

function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    // RFC 6749 §3.2: request parameters must not be repeated.
    if (Object.hasOwn(out, key)) throw new OAuthError('invalid_request', `Parameter ${key} is repeated.`);
    out[key] = value;
  }
  return out;
}

function parseJson(body: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new OAuthError('invalid_request', 'The body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OAuthError('invalid_request', 'The JSON body must be an object.');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new OAuthError('invalid_request', `Parameter ${key} must be a string.`);
    out[key] = value;
  }
  return out;
}

/** `Basic base64(urlencode(id) ":" urlencode(secret))` (RFC 6749 §2.3.1); other schemes are ignored. */
function parseBasic(header: string): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const invalid = () => new OAuthError('invalid_client', 'Malformed HTTP Basic credentials.', 401, true);
  if (colon < 0) throw invalid();
  try {
    const decode = (s: string) => decodeURIComponent(s.replaceAll('+', ' '));
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
  } catch {
    throw invalid();
  }
}
