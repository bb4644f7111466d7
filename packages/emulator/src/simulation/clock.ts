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

/** What a controllable clock is doing; `offsetMs` is emulator time minus base time (running clocks). */
export interface ClockState {
  /** Emulator time, epoch ms. */
  now: number;
  frozen: boolean;
  /** Emulator milliseconds per base millisecond; 1 is real time. */
  speed: number;
  /** `now` minus the base clock's time: what a running clock keeps across a restart. */
  offsetMs: number;
}

/** Largest accepted speed factor: a day per second of wall time is plenty for any scenario. */
export const MAX_CLOCK_SPEED = 86_400;

/**
 * The emulator clock: follows a base clock (the wall clock by default) and can
 * be frozen, advanced and sped up. It never runs backwards: every change
 * re-anchors at the current reading.
 */
export interface ControllableClock extends Clock {
  /** Stops time at the current reading. */
  freeze(): void;
  /** Lets time flow again from the frozen reading (no jump). */
  resume(): void;
  /** Moves forward by `ms` milliseconds (≥ 0), frozen or not. */
  advance(ms: number): void;
  /** Sets the speed factor (> 0, at most `MAX_CLOCK_SPEED`); 1 is real time. */
  setSpeed(factor: number): void;
  state(): ClockState;
  /**
   * Restores a saved state: a frozen clock resumes at its instant; a running
   * one keeps its offset from the base clock, so wall time that passed while
   * the emulator was down passes on the emulator too.
   */
  restore(saved: Pick<ClockState, 'now' | 'frozen' | 'speed' | 'offsetMs'>): void;
}

/**
 * Creates a controllable clock over `base` (default the wall clock). With a
 * ManualClock as base, tests keep stepping time exactly through it.
 */
export function createControllableClock(base: Clock = systemClock): ControllableClock {
  let anchorBase = base.now();
  let anchorNow = anchorBase;
  let speed = 1;
  let frozen = false;

  const now = () => (frozen ? anchorNow : Math.floor(anchorNow + (base.now() - anchorBase) * speed));
  const reanchor = () => {
    anchorNow = now();
    anchorBase = base.now();
  };

  return {
    now,
    freeze() {
      reanchor();
      frozen = true;
    },
    resume() {
      if (!frozen) return;
      anchorBase = base.now();
      frozen = false;
    },
    advance(ms) {
      assertFinite(ms, 'ms');
      if (ms < 0) throw new RangeError(`advance() takes a non-negative duration, got ${ms} ms`);
      reanchor();
      anchorNow += ms;
    },
    setSpeed(factor) {
      if (!Number.isFinite(factor) || factor <= 0 || factor > MAX_CLOCK_SPEED) {
        throw new RangeError(`speed must be a number above 0 and at most ${MAX_CLOCK_SPEED}, got ${factor}`);
      }
      reanchor();
      speed = factor;
    },
    state() {
      const current = now();
      return { now: current, frozen, speed, offsetMs: current - base.now() };
    },
    restore(saved) {
      assertFinite(saved.now, 'now');
      assertFinite(saved.offsetMs, 'offsetMs');
      if (!Number.isFinite(saved.speed) || saved.speed <= 0 || saved.speed > MAX_CLOCK_SPEED) {
        throw new RangeError(`speed must be above 0 and at most ${MAX_CLOCK_SPEED}`);
      }
      anchorBase = base.now();
      anchorNow = saved.frozen ? saved.now : anchorBase + saved.offsetMs;
      frozen = saved.frozen;
      speed = saved.speed;
    },
  };
}
