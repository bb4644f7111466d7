import { z } from 'zod';

/** Pagination `meta` of list responses (reference §3.1, §3.2). */
export const pageMetaSchema = z.object({
  pageNumber: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  totalCount: z.number().int().nonnegative(),
  orderBy: z.string().optional(),
  orderDirection: z.enum(['ASC', 'DESC']).optional(),
});
export type PageMeta = z.infer<typeof pageMetaSchema>;

/** Pagination `links`; `next`/`prev` are null on the last/first page. */
export const pageLinksSchema = z.object({
  self: z.string(),
  first: z.string(),
  last: z.string(),
  next: z.string().nullable(),
  prev: z.string().nullable(),
});
export type PageLinks = z.infer<typeof pageLinksSchema>;

/** Query parameter names of pagination, brackets and all. */
export const PAGE_NUMBER_PARAM = 'page[number]';
export const PAGE_SIZE_PARAM = 'page[size]';
export const MAX_PAGE_SIZE = 100;
