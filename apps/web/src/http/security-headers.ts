import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every page: scripts only from files of our
 * own origin (`/assets/live.js`), never inline; styles only
 * from us (inline `<style>` allowed, no inline script), never framed, and
 * forms may post only to us or to Smartcar Connect.
 */
export function contentSecurityPolicy(connectOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    `form-action 'self' ${connectOrigin}`,
  ].join('; ');
}

/** Adds the security headers to every response, error pages included. */
export function securityHeaders(connectOrigin: string): MiddlewareHandler {
  const csp = contentSecurityPolicy(connectOrigin);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    // A route may ask for something stricter (/exchange sends no-referrer itself).
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'same-origin');
  };
}
