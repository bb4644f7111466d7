import { promisify } from 'node:util';
import { constants, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';

const gunzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gunzip);
const inflateAsync = promisify<Buffer, ZlibOptions, Buffer>(inflate);
const inflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);

// Like fetch, a body whose compressed stream ends without its trailer is
// taken as far as it goes rather than refused.
const LENIENT: ZlibOptions = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

/** The `accept-encoding` the node transport sends: the codings {@link decodeContent} undoes. */
export const ACCEPT_ENCODING = 'gzip, deflate';

/**
 * Undoes a response's `content-encoding` (codings listed in the order they
 * were applied). A body with a coding this module does not know is returned
 * as it came, as fetch does.
 */
export async function decodeContent(body: Buffer, contentEncoding: string): Promise<Buffer> {
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (body.length === 0 || !codings.every((coding) => DECODERS.has(coding))) return body;
  let decoded = body;
  for (const coding of codings.reverse()) decoded = await DECODERS.get(coding)!(decoded);
  return decoded;
}

const DECODERS = new Map<string, (body: Buffer) => Promise<Buffer>>([
  ['gzip', (body) => gunzipAsync(body, LENIENT)],
  ['x-gzip', (body) => gunzipAsync(body, LENIENT)],
  // `deflate` means a zlib stream, but some servers send raw deflate: a zlib
  // stream's first byte names method 8 in its low four bits.
  ['deflate', (body) => ((body[0]! & 0x0f) === 8 ? inflateAsync : inflateRawAsync)(body, LENIENT)],
]);
