import type { AppLogger } from '../../src/logger.js';

/** A log entry as the app writes it: level, fields and message. */
export interface RecordedLog {
  readonly level: string;
  readonly fields: Record<string, unknown>;
  readonly msg: string | undefined;
}

/** A logger that keeps every entry, for tests that check what was logged. */
export function recordingLogger(): { logger: AppLogger; entries: RecordedLog[] } {
  const entries: RecordedLog[] = [];
  const at =
    (level: string) =>
    (fields: object, msg?: string): void => {
      entries.push({ level, fields: { ...fields } as Record<string, unknown>, msg });
    };
  const logger: AppLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, entries };
}
