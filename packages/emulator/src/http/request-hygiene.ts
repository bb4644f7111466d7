import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { earlyValidationError } from './early-error.js';
import type { EmulatorEnv } from './env.js';

/** Default largest request body, in bytes: Smartcar's bodies are a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * Refuses a body larger than `maxBytes` (default 64 KiB) with 413, whether
 * announced by `Content-Length` or streamed chunked (read up to the limit only).
 */
export function limitBodySize(maxBytes = DEFAULT_MAX_BODY_BYTES): MiddlewareHandler<EmulatorEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      earlyValidationError(c, 413, `The request body is larger than the limit of ${maxBytes} bytes.`),
  });
  return (c, next) =>
    // GET and HEAD carry no body (Node's adapter never gives them one), and asking
    // `c.req.raw.body` would build a full fetch Request and AbortSignal per read.
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next);
}

function decodes(raw: string): boolean {
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a path or query with broken percent-encoding (`%ZZ`, `%E0%A4%A`)
 * with 400 before any route decodes it: the router and `URLSearchParams`
 * would otherwise either throw a URIError or silently keep the raw text, and
 * a lookup by a half-decoded id is never what the caller meant.
 */
export function rejectBrokenEncoding(): MiddlewareHandler<EmulatorEnv> {
  return (c, next) => {
    const url = c.req.url;
    if (!url.includes('%')) return next();
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const hash = url.indexOf('#', start);
    const pathAndQuery = url.slice(start, hash === -1 ? undefined : hash);
    // '+' means a space in queries and is harmless in paths; only '%' escapes can be broken.
    if (pathAndQuery.includes('%') && !pathAndQuery.split(/[/?&=]/).every(decodes)) {
      return Promise.resolve(
        earlyValidationError(
          c,
          400,
          'The URL contains broken percent-encoding (e.g. "%ZZ" or a cut UTF-8 sequence).',
        ),
      );
    }
    return next();
  };
}
