import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Cookie of the Connect pages; the application on another port of the same host uses other names. */
export const CSRF_COOKIE = 'paddock_emulator_csrf';
/** Hidden form field carrying the token. */
export const CSRF_FIELD = 'csrf_token';

const COOKIE_VALUE = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * The token of a form: an HMAC of the browser's cookie and the interaction
 * id, so a token works only for this browser and this Connect session.
 */
export function csrfToken(key: string, cookieValue: string, interactionId: string): string {
  return createHmac('sha256', key).update(`${cookieValue}\n${interactionId}`).digest('base64url');
}

/** Constant-time check of a posted token against the cookie and the interaction. */
export function verifyCsrf(
  key: string,
  cookieValue: string | undefined,
  interactionId: string,
  presented: string | undefined,
): boolean {
  if (!cookieValue || !COOKIE_VALUE.test(cookieValue) || !presented) return false;
  const expected = Buffer.from(csrfToken(key, cookieValue, interactionId));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The browser's CSRF cookie value, read from the request. */
export function readCsrfCookie(c: Context): string | undefined {
  return getCookie(c, CSRF_COOKIE);
}

/** Returns the browser's cookie value, setting a fresh one when it has none. */
export function ensureCsrfCookie(c: Context, fresh: () => string): string {
  const existing = readCsrfCookie(c);
  if (existing && COOKIE_VALUE.test(existing)) return existing;
  const value = fresh();
  setCookie(c, CSRF_COOKIE, value, {
    path: '/oauth',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
  });
  return value;
}
