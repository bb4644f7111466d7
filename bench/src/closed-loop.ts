import { CONNECTIONS, type LoadResult, SECONDS } from './load.js';

/**
 * Drives an async operation from this process with `CONNECTIONS` callers in
 * a closed loop for `SECONDS`, for loads autocannon cannot express (calls
 * through a client library). Latency is per call, p99 over all calls.
 */
export async function closedLoop(call: () => PromiseLike<unknown>, seconds = SECONDS): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        await call();
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors,
    non2xx: 0,
  };
}
