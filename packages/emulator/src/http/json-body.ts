import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { describeIssues } from './zod-issues.js';

const invalid = (detail: string) => new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', { detail });

const isJsonType = (contentType: string) =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());

/** Options of `readJsonBody`. */
export interface JsonBodyOptions {
  /** Treat an empty body (no bytes) as this value instead of refusing it; default: an empty body is refused. */
  whenEmpty?: unknown;
}

/**
 * Reads and validates a JSON request body. Every failure is 400
 * `VALIDATION / INVALID_INPUT_FORMAT` with a detail naming the problem: a
 * content type other than `application/json` (or `…+json`), bytes that are
 * not UTF-8 JSON, or a value the schema refuses (each issue with its path).
 * The size limit is enforced earlier, for every route, by `limitBodySize`.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Pick<Context, 'req'>,
  schema: S,
  options: JsonBodyOptions = {},
): Promise<z.infer<S>> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let value: unknown;
  if (bytes.length === 0 && 'whenEmpty' in options) {
    value = options.whenEmpty;
  } else {
    if (bytes.length === 0) throw invalid('The request body is empty; send a JSON object.');
    const contentType = c.req.header('content-type');
    if (contentType === undefined || !isJsonType(contentType)) {
      throw invalid(
        `Content-Type must be application/json; got ${contentType === undefined ? 'none' : `"${contentType}"`}.`,
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid('The request body is not valid UTF-8.');
    }
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw invalid(`The request body is not valid JSON: ${(err as Error).message}`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(`Invalid request body: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
