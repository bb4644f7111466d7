import { mapConcurrent } from '../src/lib/map-concurrent.js';

describe('mapConcurrent', () => {
  test('keeps input order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapConcurrent([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  test('stops starting work after the first failure and throws it', async () => {
    const started: number[] = [];
    const failure = new Error('boom');
    await expect(
      mapConcurrent([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw failure;
        return n;
      }),
    ).rejects.toBe(failure);
    expect(started).toEqual([1, 2]);
  });

  test('an empty list and a bad limit', async () => {
    expect(await mapConcurrent([], 3, async () => 1)).toEqual([]);
    await expect(mapConcurrent([1], 0, async () => 1)).rejects.toThrow(TypeError);
  });
});
