import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../logger.js';
import type { EmulatorRuntime } from './runtime.js';
import type { EmulatorState } from './state-snapshot.js';

/** Quiet time before a save: a burst of changes (a trip, a retry storm) is written once. */
export const SAVE_DEBOUNCE_MS = 500;

/**
 * Reads a state file written by `createStateWriter`. Undefined when the file
 * does not exist yet; an Error naming the file when it is not JSON.
 */
export function readStateFile(path: string): unknown {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`The data file ${path} is not valid JSON (${(err as Error).message}).`);
  }
}

/**
 * Writes the state atomically: a temporary file beside the target, then a
 * rename, so a crash leaves the previous state or the new one, never half.
 * Owner-only permissions: the file holds management tokens.
 */
export function writeStateFile(path: string, state: EmulatorState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Saves the emulator's state to `path` after changes (debounced) and on demand. */
export interface StateWriter {
  /** Asks for a save once changes stop for `SAVE_DEBOUNCE_MS`. */
  schedule(): void;
  /** Saves now (shutdown); cancels a scheduled save. */
  flush(): void;
}

export function createStateWriter(
  path: string,
  runtime: Pick<EmulatorRuntime, 'exportState'>,
  logger: Logger,
  debounceMs = SAVE_DEBOUNCE_MS,
): StateWriter {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    try {
      writeStateFile(path, runtime.exportState());
    } catch (err) {
      // A full disk must not take the emulator down; the next change retries.
      logger.error({ err, path }, 'saving the state failed');
    }
  };
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    },
    flush,
  };
}
