import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ConnectionError, TimeoutError } from '../errors.js';
import { abortReason, messageOf } from './abort.js';
import type { AttemptOptions, AttemptRequest, RawResponse, Transport } from './attempt.js';
import { ACCEPT_ENCODING, decodeContent } from './content-encoding.js';

/**
 * How long a kept-alive socket may sit idle before it is closed, in ms.
 * Servers close idle connections too (Node's default keep-alive is 5 s, many
 * proxies are alike); a request written onto a socket the server is closing
 * at that moment is reset. Closing ours first makes a reused socket rarely
 * one the server has given up on. (Node also shortens this to a server's
 * `Keep-Alive: timeout=n` hint minus a second.)
 */
export const IDLE_SOCKET_MS = 4_000;

export interface NodeTransportOptions {
  /** Idle time after which a kept-alive socket is closed, in ms. Default {@link IDLE_SOCKET_MS}. */
  idleSocketMs?: number;
}

/** A transport over `node:http`/`node:https` with its own keep-alive agents. */
export interface NodeTransport {
  send: Transport;
  /** Closes every socket the agents hold; later sends open new ones. */
  destroy(): void;
}

/**
 * Sends attempts with `http.request`/`https.request` through keep-alive
 * agents. Unlike the fetch path, an attempt allocates no abort controller:
 * the timeout is one timer that destroys the request, and a caller's signal
 * gets a listener only when there is one. Redirects are not followed; a 3xx
 * comes back as it is.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  // Idle sockets are unref'd by the agent, so they never keep a process alive.
  const agentOptions = { keepAlive: true, timeout: options.idleSocketMs ?? IDLE_SOCKET_MS };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  return {
    send: (url, request, opts) => attempt(url, request, opts, http, https),
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}

let shared: NodeTransport | undefined;

/** The default transport on Node: one pair of agents for every client without `options.fetch`. */
export const nodeHttpTransport: Transport = (url, request, opts) => {
  shared ??= createNodeTransport();
  return shared.send(url, request, opts);
};

function attempt(
  url: string,
  request: AttemptRequest,
  opts: AttemptOptions,
  httpAgent: HttpAgent,
  httpsAgent: HttpsAgent,
): Promise<RawResponse> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<RawResponse>((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') {
      throw new ConnectionError(`Request to ${url} failed: unsupported protocol ${target.protocol}`);
    }
    const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING, ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));

    // Throws a TypeError for a header value Node refuses (a caller mistake).
    const req = (secure ? httpsRequest : httpRequest)(target, {
      method: request.method,
      headers,
      agent: secure ? httpsAgent : httpAgent,
    });
    let settled = false;
    const settle = (error: unknown, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (response) return resolve(response);
      reject(error);
      // A half-read response cannot be reused: the socket goes with it.
      req.destroy();
    };
    const fail = (cause: unknown) =>
      settle(new ConnectionError(`Request to ${target.origin} failed: ${messageOf(cause)}`, { cause }));
    const onAbort = () => settle(abortReason(signal!));
    const timer = setTimeout(
      () => settle(new TimeoutError(`Request timed out after ${opts.timeout} ms`)),
      opts.timeout,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', fail);
    req.on('response', (res) => {
      try {
        readResponse(res, url, settle, fail);
      } catch (error) {
        fail(error);
      }
    });
    req.end(request.body);
  });
}

/** Reads the body to the end (decoding gzip/deflate), then settles the attempt. */
function readResponse(
  res: IncomingMessage,
  url: string,
  settle: (error: unknown, response?: RawResponse) => void,
  fail: (cause: unknown) => void,
): void {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const status = res.statusCode ?? 0;
  const done = (text: string) =>
    settle(undefined, { status, headers, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, url });

  res.on('error', fail);
  res.on('close', () => {
    if (!res.complete) fail(new Error('the connection closed before the response ended'));
  });
  const encoding = headers.get('content-encoding');
  if (encoding === null) {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
    });
    res.on('end', () => done(text));
    return;
  }
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => {
    decodeContent(Buffer.concat(chunks), encoding).then((body) => done(body.toString('utf8')), fail);
  });
}
