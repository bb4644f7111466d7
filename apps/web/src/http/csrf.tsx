/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { createHmac } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { constantTimeEqual, type RandomBytes, randomToken } from '../security/tokens.js';
import type { AppEnv } from './context.js';
import { ForbiddenPage } from './forbidden-page.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from './jsx.js';
import { requestCookie } from './request-header.js';
import { cookieOptions } from './session.js';

/** Name of the hidden form field that carries the token. */
export const CSRF_FIELD = '_csrf';
/** Header accepted instead of the field, for requests sent by script. */
export const CSRF_HEADER = 'x-csrf-token';
/** The browser's CSRF cookie: random, HttpOnly; the token is its HMAC. */
export const CSRF_COOKIE = 'paddock_csrf';

const COOKIE_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CsrfOptions {
  /** The signing key, shared by every instance (see `loadOrCreateSecret`). */
  readonly key: () => Promise<Buffer>;
  readonly random: RandomBytes;
  readonly trustProxy: boolean;
  /** Paths that authenticate otherwise and take no form (webhooks sign their bodies). */
  readonly exempt?: (path: string) => boolean;
}

/**
 * Signed double-submit CSRF protection (OWASP). The browser holds a random
 * HttpOnly cookie; forms carry HMAC(key, cookie | session), which only this
 * server can compute and which is bound to the signed-in session, so a token
 * made before sign-in, or for someone else, fails. Every POST, PUT, PATCH
 * and DELETE must carry it (field `_csrf` or header `x-csrf-token`); a
 * mismatch is a 403 page and the route never runs.
 *
 * Pages get their token from `c.get('csrfToken')()`, which sets the cookie when
 * the browser has none.
 */
export function csrfProtection({ key, random, trustProxy, exempt }: CsrfOptions): MiddlewareHandler<AppEnv> {
  const sign = tokenSigner();
  return async (c, next) => {
    const binding = () => c.get('session')?.idHash ?? '';
    c.set('csrfToken', async () => {
      let cookie = readCookie(c);
      if (cookie === undefined) {
        cookie = randomToken(random);
        setCookie(c, CSRF_COOKIE, cookie, cookieOptions(c, trustProxy));
      }
      return sign(await key(), cookie, binding());
    });

    if (!UNSAFE_METHODS.has(c.req.method) || exempt?.(c.req.path)) return next();
    const cookie = readCookie(c);
    const sent = c.req.header(CSRF_HEADER) ?? (await formField(c));
    if (
      cookie === undefined ||
      sent === undefined ||
      !constantTimeEqual(sent, sign(await key(), cookie, binding()))
    ) {
      c.get('logger').warn({ method: c.req.method, path: c.req.path }, 'csrf check failed');
      return c.html(<ForbiddenPage />, 403);
    }
    return next();
  };
}

function readCookie(c: Context): string | undefined {
  const value = requestCookie(c, CSRF_COOKIE);
  return value !== undefined && COOKIE_SHAPE.test(value) ? value : undefined;
}

// Tokens remembered, at most; past that the oldest is forgotten (and computed again if asked for).
const SIGNED_TOKENS_KEPT = 10_000;

/**
 * HMAC(key, cookie | binding), base64url. A token is a pure function of the
 * key (one per deployment), the browser's cookie and its session, so each
 * is computed once and remembered: a page view asks for it at least once,
 * and starting an HMAC cost ~10 us of CPU per view under load. Nothing else
 * is remembered; a token only ever matches the cookie and session it was
 * made from, whether it comes from here or is computed again.
 */
function tokenSigner(): (key: Buffer, cookie: string, binding: string) => string {
  let signedWith: Buffer | undefined;
  const tokens = new Map<string, string>();
  return (key, cookie, binding) => {
    if (key !== signedWith) {
      tokens.clear();
      signedWith = key;
    }
    const message = `${cookie}|${binding}`;
    let token = tokens.get(message);
    if (token === undefined) {
      token = createHmac('sha256', key).update(message).digest('base64url');
      if (tokens.size >= SIGNED_TOKENS_KEPT) tokens.delete(tokens.keys().next().value as string);
      tokens.set(message, token);
    }
    return token;
  };
}

async function formField(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return undefined;
  // Hono keeps the parsed body, so the route reads the same form again for free.
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}
