/** A group of emulator settings, changed through `PUT /_emulator/settings/…`. */
export interface Settings<T extends object> {
  get(): Readonly<T>;
  /** Applies the given fields and returns the result. */
  set(patch: Partial<T>): Readonly<T>;
  /** Back to the defaults and what the emulator was created with. */
  reset(): void;
}

/** Settings starting from `defaults` with `initial` on top; every value handed out is frozen. */
export function createSettings<T extends object>(
  defaults: Readonly<T>,
  initial: Partial<T> = {},
): Settings<T> {
  const start = (): Readonly<T> => Object.freeze({ ...defaults, ...initial });
  let current = start();
  return {
    get: () => current,
    set(patch) {
      current = Object.freeze({ ...current, ...patch });
      return current;
    },
    reset() {
      current = start();
    },
  };
}
