import { defaultMaxListeners, setMaxListeners } from 'node:events';
import { ConnectionError, TimeoutError } from '../errors.js';
import { abortReason, messageOf, throwIfAborted } from './abort.js';
import type { AttemptOptions, AttemptRequest, RawResponse, Transport } from './attempt.js';

/** The transport of a client given `options.fetch`: every attempt goes through that function. */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return (url, request, options) =>
    fetchWithTimeout(url, request, { fetch: fetchImpl, timeout: options.timeout, signal: options.signal });
}

/**
 * One HTTP attempt through `fetch`. The request is aborted when the timeout
 * fires or the caller's signal aborts. A caller abort rethrows the signal's
 * reason; a timeout is a {@link TimeoutError}; any other failure a
 * {@link ConnectionError}.
 */
export async function fetchWithTimeout(
  url: string,
  init: AttemptRequest,
  opts: AttemptOptions & { fetch: typeof fetch },
): Promise<RawResponse> {
  throwIfAborted(opts.signal);
  const lease = controllers.take();
  const controller = lease.controller;
  let timedOut = false;
  // Set while the body is read; the timer and the caller's abort call it
  // directly, which spares a listener on the controller's signal per call.
  let stopBody: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    controller.abort(reason);
    stopBody?.(reason);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new TimeoutError(`Request timed out after ${opts.timeout} ms`));
  }, opts.timeout);
  const onAbort = () => abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await opts.fetch(url, { ...init, signal: controller.signal });
    // A `fetch` that ignores the signal once headers are in (in-process servers,
    // some polyfills) would otherwise let a streamed 202 body outlive the timeout.
    const text = await new Promise<string>((resolve, reject) => {
      if (controller.signal.aborted) return reject(controller.signal.reason);
      stopBody = (reason) => {
        reject(reason);
        res.body?.cancel(reason).catch(() => {});
      };
      res.text().then(resolve, reject);
    });
    return { status: res.status, headers: res.headers, text, url: res.url || url };
  } catch (cause) {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    if (timedOut) throw new TimeoutError(`Request timed out after ${opts.timeout} ms`, { cause });
    throw new ConnectionError(`Request to ${new URL(url).origin} failed: ${messageOf(cause)}`, { cause });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    controllers.give(lease);
  }
}

/** An abort controller lent to one attempt at a time. */
interface Lease {
  controller: AbortController;
  uses: number;
}

/**
 * Controllers of attempts that ended without an abort, lent to the next
 * attempts. On Node 20 making an `AbortController` (its signal is made
 * transferable) costs about a tenth of a small read's client CPU. A signal
 * keeps one listener from each request that used it (fetch removes it only
 * when that request is garbage-collected), so a controller is lent at most
 * `MAX_USES` times; an aborted one is never lent again.
 */
const controllers = (() => {
  const MAX_USES = 32;
  const MAX_IDLE = 256;
  const idle: Lease[] = [];
  return {
    take: (): Lease => idle.pop() ?? { controller: new AbortController(), uses: 0 },
    give(lease: Lease): void {
      lease.uses += 1;
      if (lease.controller.signal.aborted || lease.uses >= MAX_USES || idle.length >= MAX_IDLE) return;
      // fetch raises a signal's listener limit the first time it sees it, and on
      // a signal whose limit is no longer the default it counts the listeners
      // on every request instead (getEventListeners, ~8 µs): give it the
      // default back, so each use takes the cheap branch.
      setMaxListeners(defaultMaxListeners, lease.controller.signal);
      idle.push(lease);
    },
  };
})();
