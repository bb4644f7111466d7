import type { WithResponse } from './core/api-promise.js';
import type { ApiResponse } from './core/request.js';
import { InvalidResponseError } from './errors.js';

/** Page contents and where the next one is. */
export interface PageInit<T> {
  data: T[];
  totalCount?: number;
  /** 1-based; read from `meta.pageNumber` or, in older payloads, `meta.page`. */
  pageNumber?: number;
  pageSize?: number;
  /** The server's `links.next`, absolute or relative; null on the last page. */
  next: string | null;
  /** The response this page came from. */
  response?: ApiResponse;
}

/** One page of a list. `nextPage()` follows the server's `links.next`. */
export class Page<T> {
  /** The items of this page, normalised. */
  // Declared, not a class field: the constructor assigns it, so a subclass may
  // serve it from an accessor (a SignalList normalises its items on first read).
  declare readonly data: T[];
  /** Items in the whole list, when the server says (`meta.totalCount`). */
  readonly totalCount: number | undefined;
  /** 1-based number of this page (`meta.pageNumber`, or `meta.page` in older payloads). */
  readonly pageNumber: number | undefined;
  /** Items per page as the server applied it. */
  readonly pageSize: number | undefined;
  /** The server's `links.next`, absolute or relative; `null` on the last page. */
  readonly nextLink: string | null;
  /** The HTTP response of this page: headers, request id and the raw JSON body. */
  readonly response: ApiResponse | undefined;
  readonly #load: (link: string) => Promise<Page<T>>;

  constructor(init: PageInit<T>, load: (link: string) => Promise<Page<T>>) {
    (this as { data: T[] }).data = init.data;
    this.totalCount = init.totalCount;
    this.pageNumber = init.pageNumber;
    this.pageSize = init.pageSize;
    this.nextLink = init.next;
    this.response = init.response;
    this.#load = load;
  }

  /** True when the server gave a next link; an empty page ends the list whatever it says. */
  hasNextPage(): boolean {
    return this.nextLink !== null && this.data.length > 0;
  }

  /** Fetches the page after this one; a `TypeError` when there is none. */
  nextPage(): Promise<Page<T>> {
    if (this.nextLink === null || !this.hasNextPage()) {
      return Promise.reject(new TypeError('There is no next page; check hasNextPage() first'));
    }
    return this.#load(this.nextLink);
  }

  /** This page and every following one. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const seen = new Set<string>();
    let page: Page<T> = this;
    for (;;) {
      yield page;
      if (!page.hasNextPage() || page.nextLink === null) return;
      // A server that links a page to itself would otherwise loop forever.
      if (seen.has(page.nextLink)) throw new InvalidResponseError(`Pagination loops at ${page.nextLink}`);
      seen.add(page.nextLink);
      page = await page.nextPage();
    }
  }

  /** Every item of this page and the following ones. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}

/**
 * The result of a list call: `await` it for the first page, or walk every
 * item of every page with `for await`. Nothing is fetched until one of those.
 */
export class PagePromise<T, P extends Page<T> = Page<T>> implements PromiseLike<P>, AsyncIterable<T> {
  readonly #loadFirst: () => Promise<P>;
  #first: Promise<P> | undefined;

  constructor(loadFirst: () => Promise<P>) {
    this.#loadFirst = loadFirst;
  }

  #start(): Promise<P> {
    this.#first ??= this.#loadFirst();
    return this.#first;
  }

  /** The first page with its HTTP response: `{ data: page, response, requestId }`. */
  async withResponse(): Promise<WithResponse<P>> {
    const page = await this.#start();
    const response = page.response;
    if (response === undefined) throw new InvalidResponseError('This page was built without a response');
    return { data: page, response, requestId: response.requestId };
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is deliberately awaitable.
  then<R1 = P, R2 = never>(
    onFulfilled?: ((page: P) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#start().then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<P | R> {
    return this.#start().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<P> {
    return this.#start().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const first = await this.#start();
    yield* first;
  }
}
