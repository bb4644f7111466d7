import { createControllableClock, createManualClock, MAX_CLOCK_SPEED } from '../src/simulation/clock.js';

describe('createControllableClock', () => {
  it('follows its base clock at speed 1', () => {
    const base = createManualClock();
    const clock = createControllableClock(base);
    base.advance(1234);
    expect(clock.now()).toBe(base.now());
    expect(clock.state()).toEqual({ now: base.now(), frozen: false, speed: 1, offsetMs: 0 });
  });

  it('stops when frozen and resumes from the frozen instant without a jump', () => {
    const base = createManualClock();
    const clock = createControllableClock(base);
    clock.freeze();
    const at = clock.now();
    base.advance(60_000);
    expect(clock.now()).toBe(at);
    clock.resume();
    expect(clock.now()).toBe(at);
    base.advance(1000);
    expect(clock.now()).toBe(at + 1000);
    expect(clock.state().offsetMs).toBe(-60_000);
  });

  it('advances frozen or running, and never backwards', () => {
    const base = createManualClock();
    const clock = createControllableClock(base);
    const start = clock.now();
    clock.advance(25_000);
    expect(clock.now()).toBe(start + 25_000);
    clock.freeze();
    clock.advance(5000);
    expect(clock.now()).toBe(start + 30_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(TypeError);
  });

  it('runs faster after setSpeed, continuously from the reading at the change', () => {
    const base = createManualClock();
    const clock = createControllableClock(base);
    base.advance(1000);
    clock.setSpeed(60);
    const at = clock.now();
    base.advance(1000);
    expect(clock.now()).toBe(at + 60_000);
    clock.setSpeed(1);
    base.advance(1000);
    expect(clock.now()).toBe(at + 61_000);
    for (const bad of [0, -1, Number.POSITIVE_INFINITY, MAX_CLOCK_SPEED + 1]) {
      expect(() => clock.setSpeed(bad)).toThrow(RangeError);
    }
  });

  it('restores a frozen instant, or a running offset from the base', () => {
    const base = createManualClock();
    const clock = createControllableClock(base);
    clock.advance(10_000);
    const running = clock.state();
    clock.freeze();
    const frozen = clock.state();

    const base2 = createManualClock(base.now() + 3_600_000);
    const restored = createControllableClock(base2);
    restored.restore(frozen);
    expect(restored.now()).toBe(frozen.now);
    expect(restored.state().frozen).toBe(true);
    restored.restore(running);
    expect(restored.now()).toBe(base2.now() + 10_000);
    expect(() => restored.restore({ ...running, speed: 0 })).toThrow(RangeError);
  });
});
