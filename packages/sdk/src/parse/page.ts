import { num, obj, str } from './json.js';

/** Paging facts of a list body, whatever its dialect. */
export interface PageInfo {
  totalCount?: number;
  pageNumber?: number;
  pageSize?: number;
  /** `links.next` as the server wrote it (absolute or relative); null on the last page. */
  next: string | null;
}

/**
 * Reads `meta` and `links` of a list (reference §3.1): `meta.pageNumber` or
 * the older `meta.page` (⚠ §3.4), and `links.next`, absolute or relative.
 */
export function readPageInfo(root: Record<string, unknown>): PageInfo {
  const meta = obj(root.meta);
  const links = obj(root.links);
  const info: PageInfo = { next: str(links?.next) ?? null };
  const totalCount = num(meta?.totalCount);
  const pageNumber = num(meta?.pageNumber) ?? num(meta?.page);
  const pageSize = num(meta?.pageSize);
  if (totalCount !== undefined) info.totalCount = totalCount;
  if (pageNumber !== undefined) info.pageNumber = pageNumber;
  if (pageSize !== undefined) info.pageSize = pageSize;
  return info;
}

/** Absolute or relative `links.*` entries of a resource, as strings. */
export function readLinks(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, link] of Object.entries(obj(value) ?? {})) {
    const s = str(link);
    if (s !== undefined) out[key] = s;
  }
  return out;
}

/** The `id` of a JSON:API relationship: `relationships[name].data.id`. */
export function relationshipId(relationships: unknown, name: string): string | undefined {
  return str(obj(obj(obj(relationships)?.[name])?.data)?.id);
}
