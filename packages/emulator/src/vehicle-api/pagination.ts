import { MAX_PAGE_SIZE, PAGE_NUMBER_PARAM, PAGE_SIZE_PARAM, type PageLinks } from '@paddock/contract';
import { ApiError } from '../http/api-error.js';

export interface PageRequest {
  pageNumber: number;
  pageSize: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1 && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from 1 to ${max}`;
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
      detail: `${name} must be ${range}; got "${raw}".`,
    });
  }
  return value;
}

/** Reads `page[number]` (default 1) and `page[size]` (default `defaultSize`, at most 100). */
export function parsePage(query: URLSearchParams, defaultSize: number): PageRequest {
  return {
    pageNumber: positiveInt(
      PAGE_NUMBER_PARAM,
      query.get(PAGE_NUMBER_PARAM) ?? undefined,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    pageSize: positiveInt(
      PAGE_SIZE_PARAM,
      query.get(PAGE_SIZE_PARAM) ?? undefined,
      defaultSize,
      MAX_PAGE_SIZE,
    ),
  };
}

/**
 * Absolute `links` on the request's own origin, keeping the filters; brackets
 * come out URL-encoded (`page%5Bnumber%5D=2`) as in Smartcar's responses.
 */
export function pageLinks(requestUrl: string, page: PageRequest, totalCount: number): PageLinks {
  const lastPage = Math.max(1, Math.ceil(totalCount / page.pageSize));
  const at = (n: number) => {
    const url = new URL(requestUrl);
    url.searchParams.delete(PAGE_NUMBER_PARAM);
    url.searchParams.delete(PAGE_SIZE_PARAM);
    url.searchParams.set(PAGE_NUMBER_PARAM, String(n));
    url.searchParams.set(PAGE_SIZE_PARAM, String(page.pageSize));
    return url.toString();
  };
  return {
    self: at(page.pageNumber),
    first: at(1),
    last: at(lastPage),
    next: page.pageNumber < lastPage ? at(page.pageNumber + 1) : null,
    prev: page.pageNumber > 1 ? at(Math.min(page.pageNumber - 1, lastPage)) : null,
  };
}
