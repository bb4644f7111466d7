import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_TTL_MS, type SessionService } from '../features/accounts/session.service.js';
import type { AppEnv } from './context.js';
import { isHttps } from './https.js';
import { requestCookie } from './request-header.js';

/**
 * Name of the session cookie. The emulator on the same host owns every
 * `paddock_emulator_*` name (cookies ignore ports), so ours must not start so.
 */
export const SESSION_COOKIE = 'paddock_session';

// Our cookie values are 32 random bytes in base64url; anything else is not ours.
const COOKIE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface SessionMiddlewareOptions {
  readonly sessions: SessionService;
  readonly trustProxy: boolean;
}

/**
 * Resolves the browser's session into `c.get('session')` (null when signed out)
 * and offers `c.get('startSession')(account)` and `c.get('endSession')()` to the
 * sign-in, sign-up and sign-out routes. Nothing else creates sessions.
 */
export function sessionMiddleware({
  sessions,
  trustProxy,
}: SessionMiddlewareOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = requestCookie(c, SESSION_COOKIE);
    const session = raw !== undefined && COOKIE_SHAPE.test(raw) ? await sessions.resolve(raw) : null;
    c.set('session', session);
    c.set('startSession', async (account) => {
      const started = await sessions.start(account, c.get('session')?.idHash);
      setCookie(c, SESSION_COOKIE, started.cookieValue, {
        ...cookieOptions(c, trustProxy),
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      c.set('session', started.session);
      return started.session;
    });
    c.set('endSession', async () => {
      const current = c.get('session');
      if (current) await sessions.end(current.idHash);
      deleteCookie(c, SESSION_COOKIE, cookieOptions(c, trustProxy));
      c.set('session', null);
    });
    await next();
  };
}

/** The attributes every cookie of the app carries. */
export function cookieOptions(c: Context, trustProxy: boolean) {
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(c, trustProxy) } as const;
}
