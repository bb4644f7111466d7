/**
 * The logging surface the app uses; a pino logger fits it. Objects first,
 * message second, as pino expects.
 */
export interface AppLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Discards everything; the default when no logger is injected. */
export const silentLogger: AppLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
