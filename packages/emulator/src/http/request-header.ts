import type { Context } from 'hono';
import type { EmulatorEnv } from './env.js';

/**
 * A request header's value, as `c.req.header(name)` gives it (repeated fields
 * joined with ", "). Over HTTP it reads Node's raw header list instead: asking
 * `c.req.header` there makes the adapter build a fetch Headers object of every
 * header, a measurable share of a Vehicle API read.
 */
export function requestHeader(
  c: Pick<Context<EmulatorEnv>, 'req' | 'env'>,
  name: string,
): string | undefined {
  const raw = c.env?.incoming?.rawHeaders;
  return raw ? rawHeader(raw, name) : c.req.header(name);
}

/** A header's value from Node's raw header list, repeated fields joined with ", " as fetch's Headers joins them. */
export function rawHeader(raw: readonly string[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
    value = value === undefined ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
  }
  return value;
}
