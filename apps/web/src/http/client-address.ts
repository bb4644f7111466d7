import type { Context } from 'hono';

/**
 * The client's network address, for rate limits. Behind a proxy
 * (`TRUST_PROXY`) it is the last `X-Forwarded-For` entry, the one our proxy
 * added; entries before it come from the client and could be anything.
 * Otherwise the socket's peer, or `unknown` where there is no socket (tests).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
