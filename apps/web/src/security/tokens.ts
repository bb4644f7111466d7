import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Source of cryptographically strong random bytes; injectable for tests. */
export type RandomBytes = (size: number) => Uint8Array;

// Bytes drawn from the CSPRNG at once; each byte is handed out once.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * Node's CSPRNG, drawn 4 KiB at a time: every request takes a few random
 * bytes (its id, tokens), and one call into OpenSSL per request was ~3% of
 * a webhook's CPU. The bytes are the same CSPRNG output, each given out
 * once, as a copy; requests over 1 KiB go to the CSPRNG directly.
 */
export const defaultRandom: RandomBytes = (size) => {
  if (size > POOL_BYTES / 4) return randomBytes(size);
  if (used + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  // A copy in its own memory: no caller shares the pool with another.
  const bytes = new Uint8Array(size);
  bytes.set(pool.subarray(used, used + size));
  used += size;
  return bytes;
};

/** A random, URL-safe token of `bytes` bytes (default 32, i.e. 256 bits). */
export function randomToken(random: RandomBytes, bytes = 32): string {
  return Buffer.from(random(bytes)).toString('base64url');
}

/**
 * SHA-256 of a token, base64url: what the database keeps instead of the
 * token. Node's one-shot `hash` (every request hashes its session cookie)
 * costs a third of a `createHash` object.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'base64url');
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Still do a comparison of the same cost so a length mismatch is not faster.
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
