import type { SeededRandom } from './seeded.js';

/** Characters allowed in a VIN (ISO 3779 excludes I, O and Q). */
const VIN_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Model-year codes of position 10, starting at 2010 (the 30-year cycle skips I, O, Q, U, Z and 0). */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY';

/** The North American check digit (position 9) of a 17-character VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const value = /\d/.test(ch) ? Number(ch) : (TRANSLITERATION[ch] ?? 0);
    sum += value * WEIGHTS[i]!;
  }
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/** True for a well-formed VIN whose check digit matches. */
export function isValidVin(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) && vin[8] === vinCheckDigit(vin);
}

/** A valid VIN for a vehicle of that manufacturer (3-character WMI) and model year (2010–2030). */
export function generateVin(random: SeededRandom, wmi: string, year: number): string {
  const draw = (n: number, alphabet = VIN_ALPHABET) =>
    Array.from({ length: n }, () => random.pick([...alphabet])).join('');
  const yearCode = YEAR_CODES[Math.min(Math.max(year - 2010, 0), YEAR_CODES.length - 1)]!;
  const body = `${wmi}${draw(5)}0${yearCode}${draw(1)}${draw(6, '0123456789')}`;
  return `${body.slice(0, 8)}${vinCheckDigit(body)}${body.slice(9)}`;
}
