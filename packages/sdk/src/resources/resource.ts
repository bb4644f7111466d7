import type { RequestOptions } from '../core/options.js';
import { type ApiResponse, type RequestContext, type RequestSpec, sendRequest } from '../core/request.js';

/** Base of every resource: one shared request pipeline, nothing else. */
export abstract class APIResource {
  readonly #ctx: RequestContext;

  constructor(ctx: RequestContext) {
    this.#ctx = ctx;
  }

  protected request(spec: RequestSpec, options?: RequestOptions): Promise<ApiResponse> {
    return sendRequest(this.#ctx, spec, options);
  }
}

/** Rejects a caller's bad id before any I/O. */
export function assertId(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}
