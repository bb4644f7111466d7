import { ConnectionError, InvalidResponseError, shouldRetry, TimeoutError } from '../src/index.js';
import { backoffDelay, type RetryInput } from '../src/transport/retry-policy.js';

const base: RetryInput = { attempt: 0, maxRetries: 2, method: 'GET', random: () => 0 };

describe('shouldRetry', () => {
  test.each<[string, Partial<RetryInput>, boolean, number]>([
    ['connection error on a read', { error: new ConnectionError('reset') }, true, 500],
    ['timeout on a read', { error: new TimeoutError('slow') }, true, 500],
    ['408', { status: 408 }, true, 500],
    ['429 without retry-after', { status: 429 }, true, 500],
    ['429 with retry-after 3', { status: 429, retryAfterSeconds: 3 }, true, 3000],
    ['429 with retry-after 0', { status: 429, retryAfterSeconds: 0 }, true, 0],
    ['429 with retry-after past the 60 s cap', { status: 429, retryAfterSeconds: 61 }, false, 0],
    ['500', { status: 500 }, true, 500],
    ['502 UPSTREAM', { status: 502 }, true, 500],
    ['503', { status: 503 }, true, 500],
    ['501 COMPATIBILITY never changes', { status: 501 }, false, 0],
    ['400', { status: 400 }, false, 0],
    ['401', { status: 401 }, false, 0],
    ['404', { status: 404 }, false, 0],
    ['409 VEHICLE_STATE', { status: 409 }, false, 0],
    ['430 BILLING', { status: 430 }, false, 0],
    ['a non-connection error', { error: new InvalidResponseError('bad') }, false, 0],
    ['a plain Error', { error: new Error('boom') }, false, 0],
    ['second retry', { attempt: 1, status: 503 }, true, 1000],
    ['budget spent', { attempt: 2, status: 503 }, false, 0],
    ['maxRetries 0', { maxRetries: 0, status: 503 }, false, 0],
    ['POST without key', { method: 'POST', status: 503 }, false, 0],
    ['POST with key', { method: 'POST', idempotencyKey: 'k1', status: 503 }, true, 500],
    ['command without key', { method: 'POST', isCommand: true, error: new ConnectionError('x') }, false, 0],
    ['command with key', { method: 'POST', isCommand: true, idempotencyKey: 'k', status: 502 }, true, 500],
    ['DELETE is idempotent', { method: 'DELETE', status: 500 }, true, 500],
    ['lower-case method', { method: 'get', status: 500 }, true, 500],
  ])('%s', (_name, overrides, retry, delayMs) => {
    expect(shouldRetry({ ...base, ...overrides })).toEqual({ retry, delayMs });
  });

  test('backoff doubles from 0.5 s and caps at 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  test('jitter takes off up to a quarter', () => {
    expect(backoffDelay(0, () => 0.999_999)).toBe(375);
    expect(backoffDelay(3, () => 0.5)).toBe(3500);
  });
});
