import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths to rotate through, relative to `url`'s origin; default just `url`. */
  paths?: readonly string[];
  /** Builds each request (body, headers) instead; for loads where every request differs. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
}

export interface LoadResult {
  rps: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Seconds of load per measurement (`BENCH_SECONDS`, default 5). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Concurrent connections per measurement (`BENCH_CONNECTIONS`, default 32). */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** Drives `target` with autocannon from this process; the server must live in another one. */
export async function load(target: LoadTarget): Promise<LoadResult> {
  const paths = target.paths;
  let next = 0;
  // Without a callback autocannon returns its instance (an event emitter) made thenable.
  const instance = autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: target.setupRequest
      ? [{ setupRequest: target.setupRequest }]
      : paths
        ? [
            {
              setupRequest: (request) => {
                request.path = paths[next++ % paths.length]!;
                return request;
              },
            },
          ]
        : undefined,
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  // autocannon's histogram keeps whole milliseconds; at 1–3 ms a p99 ratio
  // would move in steps of 30–100 %. Keep each answered request's time instead.
  const times: number[] = [];
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p99Ms: times.length > 0 ? times[Math.floor((times.length - 1) * 0.99)]! : result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
