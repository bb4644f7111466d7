import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SECRET_HINT_LENGTH } from '@paddock/contract';

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

/** Characters of a secret that must stay hidden for its hint to be shown. */
export const SECRET_HINT_MIN_HIDDEN = 12;

/**
 * The last four characters of a secret, kept to tell secrets apart, or
 * undefined when so few characters would remain hidden that the hint would
 * give the secret away (a generated secret has 43; a hand-picked one may not).
 */
export function secretHint(secret: string): string | undefined {
  const chars = [...secret];
  if (chars.length < SECRET_HINT_LENGTH + SECRET_HINT_MIN_HIDDEN) return undefined;
  return chars.slice(-SECRET_HINT_LENGTH).join('');
}

/**
 * A stable id for a stored secret, made from its salt: the salt is random per
 * secret and no secret itself, so the id names this secret (a replaced secret
 * gets another), survives export and import, and reveals nothing of the
 * secret or its hash. Shaped as a UUID (version 8, RFC 9562's custom form).
 */
export function secretId(salt: Buffer): string {
  const bytes = createHash('sha256').update('paddock-secret-id').update(salt).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
