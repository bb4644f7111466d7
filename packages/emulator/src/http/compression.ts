import { constants, deflateSync, gzipSync } from 'node:zlib';

/** The content codings the emulator sends, in its order of preference on a tie. */
export type ContentCoding = 'gzip' | 'deflate';

/** Bodies smaller than this go out as they are: a few hundred bytes gain nothing from a coding. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * The coding to answer with, from a request's `Accept-Encoding` (RFC 9110
 * §12.5.3), or null for the body as it is. The highest weight wins, gzip
 * over deflate and either over identity on a tie; `*` stands for any coding
 * the header does not name; a weight of 0 refuses; a coding named twice
 * keeps its highest weight. `x-gzip` counts as `gzip` when `gzip` is not
 * named. A header with a weight that cannot be read asks for nothing.
 */
export function negotiateCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    if (name === '') continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() !== 'q') continue;
      // RFC 9110's qvalue: 0 to 1, at most three decimals.
      if (!value || !/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value)) return null;
      weight = Number(value);
    }
    // A coding named twice keeps its highest weight.
    weights.set(name, Math.max(weight, weights.get(name) ?? 0));
  }
  const any = weights.get('*');
  const weightOf = (coding: string) => weights.get(coding) ?? any ?? 0;
  const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? any ?? 0;
  const deflate = weightOf('deflate');
  const best: ContentCoding = deflate > gzip ? 'deflate' : 'gzip';
  const bestWeight = Math.max(gzip, deflate);
  // Identity, even when unnamed, is always acceptable (the body is never refused).
  const identity = weights.get('identity');
  if (bestWeight === 0 || (identity !== undefined && identity > bestWeight)) return null;
  return best;
}

// Keyed by the body's own bytes: a body that is served again unchanged (the
// signal list between two polls) is compressed once, and its codings go
// when it does.
const compressedBodies = new WeakMap<
  Buffer<ArrayBuffer>,
  Partial<Record<ContentCoding, Buffer<ArrayBuffer>>>
>();

/**
 * `body` in `coding`. Level 6 (zlib's default) keeps a 60 KB signal list
 * near 1 ms to compress; the result is kept for as long as `body` lives.
 */
export function compressBody(body: Buffer<ArrayBuffer>, coding: ContentCoding): Buffer<ArrayBuffer> {
  let codings = compressedBodies.get(body);
  if (!codings) {
    codings = {};
    compressedBodies.set(body, codings);
  }
  let compressed = codings[coding];
  if (!compressed) {
    const options = { level: constants.Z_DEFAULT_COMPRESSION };
    compressed = coding === 'gzip' ? gzipSync(body, options) : deflateSync(body, options);
    codings[coding] = compressed;
  }
  return compressed;
}

/**
 * A body and the headers that go with it for a request's `Accept-Encoding`:
 * compressed when the client takes a coding and the body is worth it.
 * `Vary` is set either way, so a cache between keeps the two apart.
 */
export function encodeForClient(
  body: Buffer<ArrayBuffer>,
  acceptEncoding: string | undefined,
): { body: Buffer<ArrayBuffer>; headers: Record<string, string> } {
  const coding = body.length >= MIN_COMPRESSED_BYTES ? negotiateCoding(acceptEncoding) : null;
  if (!coding) return { body, headers: { vary: 'accept-encoding' } };
  return {
    body: compressBody(body, coding),
    headers: { vary: 'accept-encoding', 'content-encoding': coding },
  };
}
