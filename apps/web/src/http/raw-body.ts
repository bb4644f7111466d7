import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The request body as bytes, or undefined when it is larger than
 * `maxBytes` (a declared `Content-Length` over the limit is refused before
 * anything is read). Under `@hono/node-server` it reads Node's request
 * directly: asking Hono for the body builds a WHATWG `Request` and stream
 * around it, which was a sixth of a webhook's CPU time. Elsewhere (tests'
 * `app.request()`) it reads the WHATWG body.
 */
export async function readRawBody(c: Context, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return undefined;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming !== undefined && typeof incoming.on === 'function') return readNodeBody(incoming, maxBytes);
  const body = c.req.raw.body;
  return body === null ? new Uint8Array() : fromWeb(body, maxBytes);
}

/**
 * Node's request body as bytes, or undefined when it is larger than
 * `maxBytes`: refused on a declared `Content-Length` before anything is
 * read, or found while reading (the rest is then read and dropped).
 */
export function readNodeBody(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(incoming.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) {
        parts.push(chunk);
        return;
      }
      // Over the limit: stop keeping it; the rest is read and dropped while the 413 goes out.
      done();
      incoming.resume();
      resolve(undefined);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(parts, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(new Error('the request was closed before its body ended'));
    };
    incoming.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

async function fromWeb(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(parts, size);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
}
