import { createHmac, timingSafeEqual } from 'node:crypto';

/** Lowercase hex HMAC-SHA256 of `message`, keyed with `key` (UTF-8). */
export function hmacHex(key: string, message: string | Uint8Array): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

/**
 * `SC-Signature` of a delivery: the HMAC of the exact bytes sent, keyed with
 * the application management token (reference §4.4).
 */
export const signBody = (managementToken: string, body: string | Uint8Array): string =>
  hmacHex(managementToken, body);

/** The answer a receiver owes to `VERIFY`: what the official SDK's `hashChallenge(amt, challenge)` returns. */
export const hashChallenge = (managementToken: string, challenge: string): string =>
  hmacHex(managementToken, challenge);

/** Constant-time comparison of two hex digests (case-insensitive); false when lengths differ. */
export function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
