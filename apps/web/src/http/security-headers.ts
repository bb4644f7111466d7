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

/**
 * The security headers of every response, by name: `Referrer-Policy` is the
 * default a route may replace with something stricter (/exchange sends
 * no-referrer itself).
 */
export function securityHeaderValues(connectOrigin: string): Readonly<Record<string, string>> {
  return Object.freeze({
    'Content-Security-Policy': contentSecurityPolicy(connectOrigin),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'same-origin',
  });
}

/** Adds the security headers to every response, error pages included. */
export function securityHeaders(connectOrigin: string): MiddlewareHandler {
  const entries = Object.entries(securityHeaderValues(connectOrigin));
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of entries) {
      if (name !== 'Referrer-Policy' || !headers.has(name)) headers.set(name, value);
    }
  };
}
