import { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { type ApiResponse, type RequestContext, type RequestSpec, sendRequest } from '../core/request.js';
import { InvalidResponseError } from '../errors.js';
import { Page, PagePromise } from '../pagination.js';
import { obj } from '../parse/json.js';
import { readPageInfo } from '../parse/page.js';

/** Base of every resource: one shared request pipeline, nothing else. */
export abstract class APIResource {
  readonly #ctx: RequestContext;

  constructor(ctx: RequestContext) {
    this.#ctx = ctx;
  }

  protected request(spec: RequestSpec, options?: RequestOptions): Promise<ApiResponse> {
    return sendRequest(this.#ctx, spec, options);
  }

  /** Sends the call now and normalises its body with `parse` when awaited. */
  protected call<T>(
    spec: RequestSpec,
    options: RequestOptions | undefined,
    parse: (response: ApiResponse) => T,
  ): APIPromise<T> {
    return new APIPromise(this.request(spec, options), parse);
  }

  /**
   * A list call: nothing is sent until the result is awaited or iterated; each
   * following page is fetched from the server's `links.next`, with the same options.
   */
  protected paginate<T, P extends Page<T> = Page<T>>(
    first: RequestSpec,
    options: RequestOptions | undefined,
    build: (response: ApiResponse, load: (link: string) => Promise<P>) => P,
  ): PagePromise<T, P> {
    const load = async (spec: RequestSpec): Promise<P> => {
      const response = await this.request(spec, options);
      // The next link carries the filters and page; the first call's query must not be added again.
      return build(response, (link) => load({ ...first, path: link, query: undefined }));
    };
    return new PagePromise<T, P>(() => load(first));
  }

  /** A JSON:API list (`{data: [...], meta, links}`) whose items `parseItem` normalises. */
  protected paginateData<T>(
    first: RequestSpec,
    options: RequestOptions | undefined,
    what: string,
    parseItem: (item: unknown) => T,
  ): PagePromise<T> {
    return this.paginate<T>(first, options, (response, load) => {
      const root = rootObject(response.body, what);
      if (!Array.isArray(root.data)) throw new InvalidResponseError(`${what} response has no data[]`);
      return new Page({ ...readPageInfo(root), data: root.data.map(parseItem), response }, load);
    });
  }

  /**
   * The `sc-user-id` of a call that needs one: the call's own `userId`, else
   * the one a `forUser()` view binds. A `TypeError` before any I/O otherwise.
   */
  protected requireUserId(options: RequestOptions | undefined, what: string): string {
    const userId = options?.userId ?? this.#ctx.userId;
    if (typeof userId !== 'string' || userId.trim() === '') {
      throw new TypeError(
        `${what} needs a userId (sent as sc-user-id): pass { userId } or use client.forUser(userId)`,
      );
    }
    return userId;
  }

  /** The user a `forUser()` view binds, if any. */
  protected get boundUserId(): string | undefined {
    return this.#ctx.userId;
  }
}

/** Rejects a caller's bad id before any I/O. */
export function assertId(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

/** Rejects a caller's bad integer before any I/O. */
export function assertInteger(name: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

/** Rejects a caller's bad finite number before any I/O. */
export function assertNumberInRange(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new TypeError(`${name} must be a number from ${min} to ${max}, got ${String(value)}`);
  }
}

/** The JSON object at the root of a body, or an {@link InvalidResponseError} naming `what`. */
export function rootObject(body: unknown, what: string): Record<string, unknown> {
  const root = obj(body);
  if (root === undefined) throw new InvalidResponseError(`${what} response is not a JSON object`);
  return root;
}

/** The resource of a `{ data: {...} }` body, or the body itself when it is not wrapped. */
export function dataOf(body: unknown, what: string): Record<string, unknown> {
  const root = rootObject(body, what);
  return obj(root.data) ?? root;
}

/** `page[number]` and `page[size]` of a list call, checked. */
export interface PageParams {
  /** Items per page, 1–100 (`page[size]`). */
  pageSize?: number;
  /** First page to fetch, 1-based (`page[number]`). Default 1. */
  pageNumber?: number;
}

/** Query entries of paging params, after checking them; a `TypeError` for bad ones. */
export function pageQuery(params: PageParams): Record<string, number | undefined> {
  assertInteger('pageSize', params.pageSize, 1, 100);
  assertInteger('pageNumber', params.pageNumber, 1, Number.MAX_SAFE_INTEGER);
  return { 'page[number]': params.pageNumber, 'page[size]': params.pageSize };
}
