import type { Logger } from '../../src/index.js';

/** A logger that keeps every `info` object, for tests of what gets logged. */
export function recordingLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    info: (o: object | string) => {
      lines.push(o as Record<string, unknown>);
    },
    warn() {},
    error() {},
  };
}
