import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';

/**
 * A request header (name in lower case), read from Node's request when the
 * app runs under `@hono/node-server`: Hono's `c.req.header()` builds a
 * WHATWG `Headers` of every header of the request first, for each request
 * that asks. Elsewhere (tests' `app.request()`), from the WHATWG request.
 * Node joins repeated headers with `, ` (cookies with `; `).
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.headers === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A cookie of the request, parsed as Hono's `getCookie` does. */
export function requestCookie(c: Context, name: string): string | undefined {
  const header = requestHeader(c, 'cookie');
  return header === undefined ? undefined : parse(header, name)[name];
}
