import { ConnectionError } from '../errors.js';

/** Everything the decision depends on; the module reads nothing else. */
export interface RetryInput {
  /** Retries already made for this call (0 after the first attempt failed). */
  attempt: number;
  maxRetries: number;
  /** HTTP method of the call. */
  method: string;
  /** A vehicle command: never idempotent, whatever its method. */
  isCommand?: boolean;
  /** When given, the same key goes with every attempt, so even a command may be retried. */
  idempotencyKey?: string;
  /** Status of the failed response, when there was one. */
  status?: number;
  /** The error of an attempt that got no response. */
  error?: unknown;
  /** Parsed `retry-after` of the response, in seconds. */
  retryAfterSeconds?: number;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** The outcome of {@link shouldRetry}. */
export interface RetryDecision {
  retry: boolean;
  /** How long to wait before the next attempt, in ms (0 when not retrying). */
  delayMs: number;
}

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A longer `retry-after` is left to the caller (it is on the error) rather than held in a call. */
export const MAX_RETRY_AFTER_SECONDS = 60;
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

const NO: RetryDecision = { retry: false, delayMs: 0 };

/**
 * Decides whether a failed attempt is retried and after how long. Retries
 * connection errors and timeouts, 408, 429 and 5xx except 501 (COMPATIBILITY
 * never changes on retry). Only idempotent calls are retried, unless an
 * idempotency key makes the retry safe.
 */
export function shouldRetry(input: RetryInput): RetryDecision {
  if (input.attempt >= input.maxRetries) return NO;
  const idempotent = !input.isCommand && IDEMPOTENT_METHODS.has(input.method.toUpperCase());
  if (!idempotent && !input.idempotencyKey) return NO;
  if (!isRetryable(input)) return NO;

  const retryAfter = input.retryAfterSeconds;
  if (retryAfter !== undefined && retryAfter >= 0) {
    if (retryAfter > MAX_RETRY_AFTER_SECONDS) return NO;
    return { retry: true, delayMs: Math.round(retryAfter * 1000) };
  }
  return { retry: true, delayMs: backoffDelay(input.attempt, input.random ?? Math.random) };
}

/** 0.5 s · 2^attempt, capped at 8 s, minus up to 25 % jitter so clients do not retry in step. */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  const jitter = 1 - random() * 0.25;
  return Math.round(base * jitter);
}

function isRetryable(input: RetryInput): boolean {
  if (input.status === undefined) return input.error instanceof ConnectionError;
  if (input.status === 408 || input.status === 429) return true;
  return input.status >= 500 && input.status !== 501;
}
