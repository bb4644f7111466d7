import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { SESSION_TTL_MS, type SessionService } from '../features/accounts/session.service.js';
import type { AppEnv } from './context.js';
import { isHttps } from './https.js';

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
 * Resolves the browser's session into `c.var.session` and offers
 * `c.var.ensureSession()`, which creates the account and session on demand.
 * Routes that only read (e.g. /vehicle) never create accounts.
 */
export function sessionMiddleware({
  sessions,
  trustProxy,
}: SessionMiddlewareOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = getCookie(c, SESSION_COOKIE);
    const session = raw !== undefined && COOKIE_SHAPE.test(raw) ? await sessions.resolve(raw) : null;
    c.set('session', session);
    c.set('ensureSession', async () => {
      const current = c.get('session');
      if (current) return current;
      const started = await sessions.start();
      setCookie(c, SESSION_COOKIE, started.cookieValue, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: isHttps(c, trustProxy),
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      c.set('session', started.session);
      c.get('logger').info({ accountId: started.session.accountId }, 'account created');
      return started.session;
    });
    await next();
  };
}
