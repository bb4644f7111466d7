import type { ApiResponse } from './request.js';

/** A result with the HTTP response it came from. */
export interface WithResponse<T> {
  /** The normalised result, as `await`ing the call gives it. */
  data: T;
  /** Status, headers, URL and the raw JSON body before normalisation. */
  response: ApiResponse;
  /** `sc-request-id` of the response: quote it to Smartcar support. */
  requestId: string | undefined;
}

/**
 * The result of an API call. `await` it for the normalised result, or call
 * `.withResponse()` for the result together with the raw response (headers,
 * request id, the JSON as sent). The request starts at once, like a promise;
 * the body is normalised once, however many times it is awaited.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #response: Promise<ApiResponse>;
  readonly #parse: (response: ApiResponse) => T;
  #result: Promise<WithResponse<T>> | undefined;

  constructor(response: Promise<ApiResponse>, parse: (response: ApiResponse) => T) {
    this.#response = response;
    this.#parse = parse;
  }

  /** The result with its response: `{ data, response, requestId }`. */
  withResponse(): Promise<WithResponse<T>> {
    this.#result ??= this.#response.then((response) => ({
      data: this.#parse(response),
      response,
      requestId: response.requestId,
    }));
    return this.#result;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is deliberately awaitable.
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.withResponse()
      .then((result) => result.data)
      .then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
