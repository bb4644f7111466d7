import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** Hashes passwords and checks them; injectable so tests can use cheap parameters or spy. */
export interface PasswordHasher {
  /** A self-describing hash (`scrypt$N$r$p$salt$key`) with a fresh random salt. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored`, compared in constant time; false for a malformed hash. */
  verify(password: string, stored: string): Promise<boolean>;
}

/** Options of `createScryptHasher`; the defaults follow OWASP's scrypt guidance. */
export interface ScryptHasherOptions {
  /** CPU/memory cost N, a power of two. Default 2^17 (128 MiB with r = 8). */
  readonly cost?: number;
  /** Block size r. Default 8. */
  readonly blockSize?: number;
  /** Parallelisation p. Default 1. */
  readonly parallelization?: number;
}

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Hashes read from the database are trusted for their parameters only up to
// this cost, so a corrupted row cannot make one sign-in eat gigabytes.
const MAX_COST = 2 ** 20;

/**
 * scrypt from `node:crypto` (run on libuv's thread pool, not the event loop)
 * with a per-password 16-byte salt and a 32-byte key. The parameters are
 * stored in each hash, so raising them later leaves old hashes verifiable.
 */
export function createScryptHasher(options: ScryptHasherOptions = {}): PasswordHasher {
  const params = {
    N: options.cost ?? 2 ** 17,
    r: options.blockSize ?? 8,
    p: options.parallelization ?? 1,
  };
  if (!isPowerOfTwo(params.N) || params.N > MAX_COST) {
    throw new TypeError(`cost must be a power of two up to 2^20, got ${params.N}`);
  }
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, params);
      return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join(
        '$',
      );
    },
    async verify(password, stored) {
      const parsed = parseHash(stored);
      if (parsed === undefined) return false;
      const key = await derive(password, parsed.salt, parsed.params);
      return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
    },
  };
}

interface Params {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below OWASP's parameters.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parseHash(stored: string): { params: Params; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid = isPowerOfTwo(N) && N <= MAX_COST && Number.isInteger(r) && r >= 1 && r <= 32 && p === 1;
  if (!valid) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < SALT_BYTES || key.length !== KEY_BYTES) return undefined;
  return { params: { N, r, p }, salt, key };
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
}
