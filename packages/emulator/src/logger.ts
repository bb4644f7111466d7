/** The logging seam: pino satisfies it, tests pass a silent or recording one. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** Discards everything: the default, so that an in-process emulator stays quiet. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
