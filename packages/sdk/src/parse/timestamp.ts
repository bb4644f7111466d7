/** Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const SECONDS_LIMIT = 1e11;

/**
 * Reads a timestamp in any of the forms reference §3.4 lists: ISO-8601 text,
 * epoch seconds or epoch milliseconds (number or numeric string).
 * `undefined` when absent or unreadable.
 */
export function parseTimestamp(value: unknown): Date | undefined {
  let ms: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    ms = Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
  } else if (typeof value === 'string' && value.trim() !== '') {
    const trimmed = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return parseTimestamp(Number(trimmed));
    ms = Date.parse(trimmed);
  }
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
