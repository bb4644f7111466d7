import type { MiddlewareHandler } from 'hono';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers for the Connect pages: no framing (clickjacking on a
 * consent screen is the classic attack), a strict CSP, no caching of pages
 * that carry CSRF tokens, and no Referer leaking the authorize query.
 * `form-action` is left out on purpose: browsers apply it to the 303 that
 * follows a form post, and Connect must redirect to the application's origin.
 */
export function pageHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
