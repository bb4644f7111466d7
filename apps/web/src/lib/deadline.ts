import { TimeoutError } from '@paddock/sdk';

/**
 * Runs `work` with a signal that aborts after `ms` or when `outer` aborts
 * (the browser went away). When the deadline is what ended it, the error is
 * the SDK's `TimeoutError`, so pages say "took too long" instead of a 500.
 *
 * @param ms the deadline in milliseconds
 */
export async function withDeadline<T>(
  ms: number,
  outer: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
  what = 'The call to Smartcar',
): Promise<T> {
  const deadline = AbortSignal.timeout(ms);
  const signal = outer ? AbortSignal.any([outer, deadline]) : deadline;
  try {
    return await work(signal);
  } catch (error) {
    if (deadline.aborted && !outer?.aborted)
      throw new TimeoutError(`${what} took longer than ${ms} ms`, { cause: error });
    throw error;
  }
}
