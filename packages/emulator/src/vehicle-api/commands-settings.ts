import { createSettings, type Settings } from '../control/settings.js';

/** How commands behave in time. Real (wall) milliseconds: they shape HTTP behaviour, not vehicle state. */
export interface CommandTiming {
  /** How long the vehicle takes to answer a command or a charge-schedule change; default 0. */
  delayMs: number;
  /**
   * A delay above this answers `202 Accepted` at once and streams the final
   * `command-execution` when done (reference §3.5); default 5,000 ms.
   */
  longRunningAfterMs: number;
}

export const DEFAULT_COMMAND_TIMING: Readonly<CommandTiming> = Object.freeze({
  delayMs: 0,
  longRunningAfterMs: 5_000,
});

/** Upper bound of both settings: ten minutes, longer than any client would wait. */
export const MAX_COMMAND_DELAY_MS = 600_000;

/** The current command timing, changed through `PUT /_emulator/settings/commands`. */
export type CommandSettings = Settings<CommandTiming>;

export function createCommandSettings(initial: Partial<CommandTiming> = {}): CommandSettings {
  return createSettings(DEFAULT_COMMAND_TIMING, initial);
}
