/**
 * Shares one run of an async task per key: while a task for a key is
 * running, callers asking for the same key get its promise instead of
 * starting another. Used so that many page views of the same stale data
 * make one Smartcar call, not one each.
 */
export function singleFlight<K, T>(): (key: K, work: () => Promise<T>) => Promise<T> {
  const running = new Map<K, Promise<T>>();
  return (key, work) => {
    const current = running.get(key);
    if (current !== undefined) return current;
    const started = work().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
