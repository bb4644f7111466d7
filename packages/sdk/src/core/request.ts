import type { SmartcarOrigins } from '@paddock/contract';
import type { TokenCache } from '../auth/token-cache.js';
import { APIError, AuthenticationError, InvalidResponseError } from '../errors.js';
import { tryParseJson, tryParseLastJson } from '../parse/json.js';
import { sleepUnlessAborted, throwIfAborted } from '../transport/abort.js';
import type { AttemptRequest, RawResponse, Transport } from '../transport/attempt.js';
import { shouldRetry } from '../transport/retry-policy.js';
import type { Clock, RequestOptions, UnitSystem } from './options.js';
import { HEADER_REQUEST_ID, HEADER_UNIT_SYSTEM, HEADER_USER_ID } from './wire.js';

export type Surface = 'vehicleApi' | 'managementApi';
export type QueryValue = string | number | boolean | undefined;

/** One API call as a resource describes it. */
export interface RequestSpec {
  surface: Surface;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path built with `path`, or a URL from the server's `links` (see {@link resolveLink}). */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  /** Vehicle commands are never retried without an idempotency key, and get the command timeout. */
  isCommand?: boolean;
}

/** The HTTP response behind a result, as `.withResponse()` gives it. */
export interface ApiResponse {
  /** HTTP status, e.g. 200, or 202 for a long-running command. */
  status: number;
  /** Response headers: a WHATWG `Headers` whichever transport sent the call. */
  headers: Headers;
  /** The raw parsed JSON, before the SDK normalised it; `undefined` for an empty body (e.g. 204). */
  body: unknown;
  /** `sc-request-id`: quote it to Smartcar support. */
  requestId: string | undefined;
  /** The URL the request went to. */
  url: string;
}

/** What the pipeline needs from the client; all injected. */
export interface RequestContext {
  origins: Readonly<SmartcarOrigins>;
  tokens: TokenCache;
  /** Sends one attempt: `node:http` by default, the caller's `fetch` when given. */
  send: Transport;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  timeout: number;
  /** Per-attempt timeout of commands, in ms. */
  commandTimeout: number;
  maxRetries: number;
  userAgent: string;
  unitSystem: UnitSystem | undefined;
  /** The user a `forUser()` view binds; a call's own `userId` wins. */
  userId?: string;
}

/**
 * Sends one API call: bearer token, headers, per-attempt timeout, retries by
 * the retry policy, and the 401 rule — on a 401 the token is invalidated and
 * the call is sent once more with a fresh one, outside the retry budget.
 */
export async function sendRequest(
  ctx: RequestContext,
  spec: RequestSpec,
  options: RequestOptions = {},
): Promise<ApiResponse> {
  const url = buildUrl(ctx.origins[spec.surface], spec.path, spec.query);
  const maxRetries = options.maxRetries ?? ctx.maxRetries;
  const timeout = options.timeout ?? (spec.isCommand ? ctx.commandTimeout : ctx.timeout);
  let attempt = 0;
  let reauthenticated = false;

  for (;;) {
    throwIfAborted(options.signal);
    let token: string | undefined;
    let failure: { error: unknown; status?: number; retryAfter?: number };
    try {
      token = await raceAbort(ctx.tokens.get(), options.signal);
      const res = await ctx.send(url, buildRequest(ctx, spec, options, token), {
        timeout,
        signal: options.signal,
      });
      if (res.status >= 200 && res.status < 300) return readSuccess(res);
      const error = APIError.fromResponse(res.status, res.text, res.headers, ctx.clock.now());
      if (error instanceof AuthenticationError && !reauthenticated) {
        reauthenticated = true;
        ctx.tokens.invalidate(token);
        continue;
      }
      failure = {
        error,
        status: res.status,
        retryAfter: error instanceof APIError ? error.retryAfter : undefined,
      };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // A token endpoint 5xx surfaces as an APIError; retry it like the call's own.
      failure = { error, status: error instanceof APIError ? error.status : undefined };
    }
    const decision = shouldRetry({
      attempt,
      maxRetries,
      method: spec.method,
      isCommand: spec.isCommand,
      idempotencyKey: options.idempotencyKey,
      status: failure.status,
      error: failure.error,
      retryAfterSeconds: failure.retryAfter,
      random: ctx.random,
    });
    if (!decision.retry) throw failure.error;
    await sleepUnlessAborted(ctx.sleep, decision.delayMs, options.signal);
    attempt += 1;
  }
}

/**
 * Resolves a path or a server link against the surface origin. An absolute
 * link keeps only its path and query, so the bearer token never goes to a
 * host other than the configured one. Relative links without the `/v3`
 * prefix (seen in SDK examples) are read as relative to `/v3`.
 */
export function resolveLink(origin: string, link: string): string {
  if (/^https?:\/\//i.test(link)) {
    const u = new URL(link);
    return `${origin}${u.pathname}${u.search}`;
  }
  if (link.startsWith('/')) return `${origin}${/^\/v\d+(\/|$)/.test(link) ? '' : '/v3'}${link}`;
  return new URL(link, `${origin}/v3/`).toString();
}

function buildUrl(origin: string, path: string, query: RequestSpec['query']): string {
  const resolved = resolveLink(origin, path);
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  // Paths come from `path` (segments encoded) or a server link already parsed
  // by resolveLink: without a query there is nothing left to normalise.
  if (entries.length === 0) return resolved;
  const url = new URL(resolved);
  for (const [key, value] of entries) url.searchParams.set(key, String(value));
  return url.toString();
}

function buildRequest(
  ctx: RequestContext,
  spec: RequestSpec,
  options: RequestOptions,
  token: string,
): AttemptRequest {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': ctx.userAgent,
    authorization: `Bearer ${token}`,
  };
  const userId = options.userId ?? ctx.userId;
  if (userId !== undefined) headers[HEADER_USER_ID] = userId;
  const unitSystem = options.unitSystem ?? ctx.unitSystem;
  if (unitSystem !== undefined) headers[HEADER_UNIT_SYSTEM] = unitSystem;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  for (const [key, value] of Object.entries(options.headers ?? {})) headers[key.toLowerCase()] = value;
  return {
    method: spec.method,
    headers,
    body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
  };
}

function readSuccess(res: RawResponse): ApiResponse {
  const requestId = res.headers.get(HEADER_REQUEST_ID) ?? undefined;
  let body: unknown;
  if (res.text.trim() !== '') {
    // A long-running command streams its final body after the 202; should the
    // server send a provisional document first, the last one is the result.
    body = tryParseJson(res.text) ?? tryParseLastJson(res.text);
    if (body === undefined) {
      throw new InvalidResponseError(
        `Expected JSON from ${new URL(res.url).pathname}, got: ${res.text.slice(0, 100)}${requestId ? ` (request ${requestId})` : ''}`,
      );
    }
  }
  return { status: res.status, headers: res.headers, body, requestId, url: res.url };
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
