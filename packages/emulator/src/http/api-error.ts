import { type ErrorCode, type ErrorType, type ResolutionType, statusOf } from '@paddock/contract';

/** Optional fields of a v3 error; defaults come from the error's type and code. */
export interface ApiErrorOptions {
  /** What went wrong in this request, for the developer. */
  detail?: string;
  title?: string;
  resolution?: ResolutionType | null;
  suggestedUserMessage?: string | null;
  /** Extra response headers (e.g. `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/**
 * The one error the Vehicle API surfaces throw. The error handler turns it
 * into Smartcar's v3 envelope; the HTTP status comes from the catalogue.
 */
export class ApiError<T extends ErrorType = ErrorType> extends Error {
  readonly status: number;

  constructor(
    readonly type: T,
    readonly code: ErrorCode<T> | null,
    readonly options: ApiErrorOptions = {},
  ) {
    super(options.detail ?? `${type}${code ? ` / ${code}` : ''}`);
    this.name = 'ApiError';
    this.status = statusOf(type, code);
  }
}
