import type { Context } from 'hono';
import type { z } from 'zod';
import type { EmulatorEnv } from '../http/env.js';
import { describeIssues } from '../http/zod-issues.js';

/** A control-API answer: the parsed body, or the 400 `{ error, error_description }` response to return. */
export type ControlBody<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Reads a control-API JSON body against `schema`; errors in the control surface's OAuth-like shape. */
export async function readControlBody<S extends z.ZodType>(
  c: Context<EmulatorEnv>,
  schema: S,
): Promise<ControlBody<z.infer<S>>> {
  const bad = (description: string) => ({
    ok: false as const,
    response: c.json({ error: 'invalid_request', error_description: description }, 400),
  });
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return bad('The body must be JSON.');
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : bad(describeIssues(parsed.error));
}
