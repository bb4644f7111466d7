/** One HTTP request as the SDK sends it: lower-case header names, a text body. */
export interface AttemptRequest {
  method: string;
  headers: Record<string, string>;
  /** Form (the token request) or JSON (commands, management) text. */
  body?: string;
}

/** A response read to the end: the body text is read inside the attempt's timeout. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  url: string;
}

export interface AttemptOptions {
  /** Per-attempt timeout in ms: connect, headers and the whole body. */
  timeout: number;
  /** The caller's signal; its abort wins over the timeout and is never retried. */
  signal?: AbortSignal;
}

/**
 * Sends one attempt and reads its body to the end. A caller abort rejects
 * with the signal's reason; a timeout with a `TimeoutError`; any other
 * failure with a `ConnectionError` naming the origin. Every status resolves.
 */
export type Transport = (
  url: string,
  request: AttemptRequest,
  options: AttemptOptions,
) => Promise<RawResponse>;
