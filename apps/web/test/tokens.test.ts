import { defaultRandom, randomToken } from '../src/security/tokens.js';

describe('defaultRandom', () => {
  test('gives the size asked, never the same bytes twice, across pool refills and for large sizes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const bytes = defaultRandom(32);
      expect(bytes).toHaveLength(32);
      const hex = Buffer.from(bytes).toString('hex');
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
    expect(defaultRandom(0)).toHaveLength(0);
    expect(defaultRandom(5_000)).toHaveLength(5_000);
    expect(randomToken(defaultRandom)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('each call gets its own memory, not a view of a shared pool', () => {
    const first = defaultRandom(16);
    expect(first.buffer.byteLength).toBe(16);
    expect(first.byteOffset).toBe(0);
  });

  test('bytes are spread over every value', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 400; i++) for (const b of defaultRandom(64)) counts[b]!++;
    // 25,600 bytes: about 100 of each value; none missing, none wildly over.
    expect(Math.min(...counts)).toBeGreaterThan(40);
    expect(Math.max(...counts)).toBeLessThan(180);
  });
});
