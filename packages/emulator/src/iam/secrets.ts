import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Client secrets are stored as salted SHA-256. A slow KDF buys nothing here:
 * the secrets are 256-bit random strings, not passwords.
 */
export function hashSecret(secret: string, salt: Buffer = randomBytes(16)): { salt: Buffer; hash: Buffer } {
  return { salt, hash: createHash('sha256').update(salt).update(secret, 'utf8').digest() };
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function verifySecret(secret: string, salt: Buffer, hash: Buffer): boolean {
  return timingSafeEqual(hashSecret(secret, salt).hash, hash);
}

/** Tokens are looked up by their SHA-256, so the store never holds a usable token. */
export function hashToken(token: string): string {
  // One-shot: no Hash object per request (every Vehicle API call hashes its token).
  return hash('sha256', token, 'base64url');
}

/** A random, URL-safe, high-entropy string (`bytes` of randomness, default 32). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

// Checked against when the client id is unknown, so that a miss costs the same time as a wrong secret.
// Made on first use: importing this module does no work.
let decoy: { salt: Buffer; hash: Buffer } | undefined;
export function verifyDecoy(secret: string): false {
  decoy ??= hashSecret(randomSecret());
  verifySecret(secret, decoy.salt, decoy.hash);
  return false;
}
