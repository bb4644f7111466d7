import { HEADER_REQUEST_ID } from './core/wire.js';
import { type ErrorFields, readErrorBody } from './parse/error-body.js';
import { tryParseJson } from './parse/json.js';
import { parseRetryAfter } from './transport/retry-after.js';

/** Root of every error the SDK throws (caller mistakes are `TypeError`s instead). */
export class SmartcarError extends Error {
  override name = 'SmartcarError';
}

/** How Smartcar suggests resolving an error; `url` is a re-auth link on some account errors. */
export interface Resolution {
  type: string | null;
  url?: string;
}

interface APIErrorInit extends ErrorFields {
  status: number;
  headers: Headers;
  body: unknown;
  retryAfter?: number;
}

/** An error response from the Vehicle or Management API, keeping Smartcar's own fields. */
export class APIError extends SmartcarError {
  override name = 'APIError';
  /** HTTP status of the response. */
  readonly status: number;
  /** Smartcar error type, e.g. `RESOURCE_NOT_FOUND`. */
  readonly type: string | undefined;
  /** Smartcar error code, e.g. `VEHICLE_NOT_FOUND`. */
  readonly code: string | undefined;
  /** What went wrong: v3 `detail` (or `title`), v2 `description`. */
  readonly description: string | undefined;
  /** From the body or the `sc-request-id` header: quote it to Smartcar support. */
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from `retry-after` (delta-seconds or HTTP date). */
  readonly retryAfter: number | undefined;
  /** What to do: `RETRY_LATER`, `REAUTHENTICATE` (with a re-auth `url` on some account errors), `CONTACT_SUPPORT`. */
  readonly resolution: Resolution | undefined;
  /** A message Smartcar suggests showing the vehicle owner. */
  readonly suggestedUserMessage: string | undefined;
  /** Smartcar's documentation page of this error (`links.about` in v3). */
  readonly docURL: string | undefined;
  /** Response headers. */
  readonly headers: Headers;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;

  constructor(init: APIErrorInit) {
    super(describe(init));
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
    this.description = init.description;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.resolution = init.resolution;
    this.suggestedUserMessage = init.suggestedUserMessage;
    this.docURL = init.docURL;
    this.headers = init.headers;
    this.body = init.body;
  }

  /**
   * The one place error responses become errors. Accepts the v3 `{errors:[…]}`
   * envelope (first error), the v2 flat error, IAM's `{error, error_description}`
   * (→ {@link OAuthError}) and anything else (→ a generic {@link APIError}).
   *
   * @param body parsed JSON, or the raw body text
   * @param nowMs epoch ms that an HTTP-date `retry-after` is measured against
   */
  static fromResponse(
    status: number,
    body: unknown,
    headers: Headers | Record<string, string> = {},
    nowMs: number = Date.now(),
  ): APIError | OAuthError {
    const h = headers instanceof Headers ? headers : new Headers(headers);
    const parsed = typeof body === 'string' ? (tryParseJson(body) ?? body) : body;
    const read = readErrorBody(parsed);
    const headerRequestId = h.get(HEADER_REQUEST_ID) ?? undefined;
    if (read.kind === 'oauth') {
      return new OAuthError({
        error: read.error,
        errorDescription: read.errorDescription,
        status,
        requestId: headerRequestId,
      });
    }
    const init: APIErrorInit = {
      ...read.fields,
      requestId: read.fields.requestId ?? headerRequestId,
      status,
      headers: h,
      body: parsed,
      retryAfter: parseRetryAfter(h.get('retry-after'), nowMs),
    };
    const Ctor = classFor(status > 0 ? status : (read.fields.bodyStatus ?? 0), read.fields.type);
    return new Ctor(init);
  }
}

/** 400: `VALIDATION` (e.g. `MISSING_PARAMETER`) or `CONNECTED_SERVICES_ACCOUNT` (the owner's automaker account). */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401 `AUTHENTICATION`: the token was refused. The SDK has already renewed it and retried once. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 403: `PERMISSION` (the connection lacks a permission) or `AUTHENTICATION`/`ACCESS_DENIED`. */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
/** 404 `RESOURCE_NOT_FOUND`: unknown vehicle, signal, connection, path… */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 409 that is not about the vehicle, e.g. `VALIDATION`/`ALREADY_SUBSCRIBED` from the Management API. */
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
/** 409 VEHICLE_STATE: the vehicle's state forbids the request (`IN_MOTION`, `ASLEEP`, …). */
export class VehicleStateError extends ConflictError {
  override name = 'VehicleStateError';
}
/** 429 `RATE_LIMIT`; `retryAfter` holds the seconds Smartcar asked to wait. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/** 430 `BILLING`: plan limits, e.g. `VEHICLE_REQUEST_LIMIT`. */
export class BillingError extends APIError {
  override name = 'BillingError';
}
/** 5xx: Smartcar's side failed (`SERVER`, or 504 when a vehicle did not answer in time). */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}
/** 501 COMPATIBILITY: the vehicle, make or platform cannot do this. Not worth retrying. */
export class CompatibilityError extends InternalServerError {
  override name = 'CompatibilityError';
}
/** 502 UPSTREAM: the automaker's side failed or throttled. */
export class UpstreamError extends InternalServerError {
  override name = 'UpstreamError';
}

function classFor(status: number, type: string | undefined): new (init: APIErrorInit) => APIError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return type === undefined || type === 'VEHICLE_STATE' ? VehicleStateError : ConflictError;
    case 429:
      return RateLimitError;
    case 430:
      return BillingError;
    case 501:
      return CompatibilityError;
    case 502:
      return UpstreamError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

function describe(init: APIErrorInit): string {
  const kind = [init.type, init.code].filter(Boolean).join(':');
  const head = kind === '' ? `${init.status}` : `${init.status} ${kind}`;
  const tail = init.description ?? (typeof init.body === 'string' ? init.body.slice(0, 200) : undefined);
  return tail ? `${head} — ${tail}` : head;
}

/** An error from the IAM token endpoint (RFC 6749 §5.2), e.g. `invalid_client` for a wrong secret. */
export class OAuthError extends SmartcarError {
  override name = 'OAuthError';
  /** OAuth error code: `invalid_client`, `invalid_request`, … */
  readonly error: string;
  /** IAM's `error_description`. */
  readonly errorDescription: string | undefined;
  /** HTTP status, e.g. 401. */
  readonly status: number;
  /** `sc-request-id` of the answer, when sent. */
  readonly requestId: string | undefined;

  constructor(init: { error: string; errorDescription?: string; status: number; requestId?: string }) {
    super(`${init.status} ${init.error}${init.errorDescription ? ` — ${init.errorDescription}` : ''}`);
    this.error = init.error;
    this.errorDescription = init.errorDescription;
    this.status = init.status;
    this.requestId = init.requestId;
  }
}

/** The request never got a response: DNS, refused connection, reset, … */
export class ConnectionError extends SmartcarError {
  override name = 'ConnectionError';
}

/** One attempt took longer than its `timeout`. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** A success response (or a webhook body) that is not JSON or lacks a required field. */
export class InvalidResponseError extends SmartcarError {
  override name = 'InvalidResponseError';
}

/** A webhook whose `SC-Signature` does not match its body. */
export class WebhookSignatureError extends SmartcarError {
  override name = 'WebhookSignatureError';
}
