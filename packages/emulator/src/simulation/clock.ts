/** A source of the current time, in epoch milliseconds. Every expiry in the emulator reads it. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to, so tests can step over expiry boundaries exactly. */
export interface ManualClock extends Clock {
  /** Jumps to `ms` (epoch milliseconds). */
  set(ms: number): void;
  /** Moves forward by `ms` milliseconds (must be ≥ 0: time does not run backwards by accident). */
  advance(ms: number): void;
}

/** 2026-01-01T00:00:00Z: a fixed default start so that manual-clock runs are reproducible. */
export const MANUAL_CLOCK_DEFAULT_START_MS = Date.UTC(2026, 0, 1);

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * Creates a manual clock.
 * @param startMs epoch milliseconds to start at; default 2026-01-01T00:00:00Z.
 */
export function createManualClock(startMs: number = MANUAL_CLOCK_DEFAULT_START_MS): ManualClock {
  assertFinite(startMs, 'startMs');
  let current = startMs;
  return {
    now: () => current,
    set(ms) {
      assertFinite(ms, 'ms');
      current = ms;
    },
    advance(ms) {
      assertFinite(ms, 'ms');
      if (ms < 0) throw new RangeError(`advance() takes a non-negative duration, got ${ms} ms`);
      current += ms;
    },
  };
}

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new TypeError(`${name} must be a finite number of milliseconds`);
}
