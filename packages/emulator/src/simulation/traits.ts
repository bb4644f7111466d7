/**
 * Static per-vehicle traits (trim, colour, firmware…) drawn from one stored
 * 32-bit number, so they cost nothing per vehicle and never change.
 */
export function trait(traits: number, salt: number, modulo: number): number {
  let h = Math.imul(traits ^ Math.imul(salt + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % modulo;
}

/** One element of a list, chosen by a trait. */
export function pickTrait<T>(traits: number, salt: number, items: readonly T[]): T {
  return items[trait(traits, salt, items.length)]!;
}

/** Rounds to `digits` decimals (signal bodies carry at most two). */
export const round = (value: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
