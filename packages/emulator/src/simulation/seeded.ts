import { createHmac } from 'node:crypto';

/**
 * Deterministic randomness keyed by the emulator seed: the same seed and label
 * always give the same bytes, so a login email maps to the same user and
 * vehicles on every run, without storing anything.
 */
function digest(seed: string, label: string): Buffer {
  return createHmac('sha256', seed).update(label).digest();
}

/** A UUID-shaped id (version 4 and variant bits set, like Smartcar's) derived from seed and label. */
export function deterministicUuid(seed: string, label: string): string {
  const b = digest(seed, label).subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A reproducible stream of random draws. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** Creates the stream for `label`; each draw hashes a counter, so streams never interfere. */
export function seededRandom(seed: string, label: string): SeededRandom {
  let counter = 0;
  const next = () => digest(seed, `${label}#${counter++}`).readUIntBE(0, 6) / 2 ** 48;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[int(0, items.length - 1)]!;
    },
  };
}
