import { ApiError } from '../http/api-error.js';

/** A `true`/`false` filter; absent is undefined, anything else 400. */
export function booleanFilter(name: string, raw: string | null): boolean | undefined {
  if (raw === null) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
    detail: `${name} must be "true" or "false"; got "${raw}".`,
  });
}

/** Everything: the store pages in memory; the routes page themselves. */
export const ALL = { offset: 0, limit: Number.MAX_SAFE_INTEGER } as const;

/** Offset and limit of a 1-based page. */
export const pageWindow = (page: { pageNumber: number; pageSize: number }) => ({
  offset: (page.pageNumber - 1) * page.pageSize,
  limit: page.pageSize,
});
