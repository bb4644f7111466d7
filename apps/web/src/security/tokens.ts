import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Source of cryptographically strong random bytes; injectable for tests. */
export type RandomBytes = (size: number) => Uint8Array;

/** Node's CSPRNG. */
export const defaultRandom: RandomBytes = (size) => randomBytes(size);

/** A random, URL-safe token of `bytes` bytes (default 32, i.e. 256 bits). */
export function randomToken(random: RandomBytes, bytes = 32): string {
  return Buffer.from(random(bytes)).toString('base64url');
}

/** SHA-256 of a token, base64url: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
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
