import type { Context } from 'hono';

/**
 * Whether the browser reached us over HTTPS. Behind a TLS-terminating proxy the
 * request arrives as plain HTTP, so `X-Forwarded-Proto` is believed only when
 * the operator says a proxy sets it (`TRUST_PROXY`); otherwise any client could
 * claim HTTPS.
 */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}
