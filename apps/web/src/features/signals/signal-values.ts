import type { Signal } from '@paddock/sdk';
import type { SignalLatest } from '../../db/tables.js';
import type { SignalValue } from './signals.repository.js';

/** A stored latest value, read back for the pages. */
export interface StoredSignal {
  readonly code: string;
  readonly status: 'SUCCESS' | 'ERROR' | 'UNAVAILABLE';
  /** The body of a SUCCESS value. */
  readonly body: unknown;
  /** Why an ERROR or UNAVAILABLE signal has no value. */
  readonly error: { type?: string; code?: string | null } | undefined;
  /** When the manufacturer says the value was true, epoch ms. */
  readonly oemUpdatedAt: number;
  readonly receivedAt: number;
}

/**
 * An SDK signal (from a read or a webhook) as a value to store. The time
 * that orders deliveries is the manufacturer's (`oemUpdatedAt`), else when
 * Smartcar fetched it, else when we received it. ERROR and UNAVAILABLE keep
 * their error as the body, so the page can say why.
 */
export function toSignalValue(vehicleId: string, signal: Signal, receivedAt: number): SignalValue {
  const at = signal.oemUpdatedAt ?? signal.retrievedAt;
  const oemUpdatedAt = at && Number.isFinite(at.getTime()) ? at.getTime() : receivedAt;
  const body =
    signal.status === 'SUCCESS' ? signal.body : { error: signal.error ?? { type: 'UNKNOWN', code: null } };
  return { vehicleId, code: signal.code, status: signal.status, body, oemUpdatedAt, receivedAt };
}

/** A `signal_latest` row as the pages use it; a body that is not JSON reads as absent. */
export function fromLatestRow(row: SignalLatest): StoredSignal {
  const parsed = parseJson(row.body);
  const status = row.status === 'ERROR' || row.status === 'UNAVAILABLE' ? row.status : 'SUCCESS';
  const error =
    status === 'SUCCESS'
      ? undefined
      : ((parsed as { error?: StoredSignal['error'] } | undefined)?.error ?? {});
  return {
    code: row.code,
    status,
    body: status === 'SUCCESS' ? parsed : undefined,
    error,
    oemUpdatedAt: row.oem_updated_at,
    receivedAt: row.received_at,
  };
}

// Bodies parsed lately, by their JSON text; past this many the oldest is dropped.
const PARSED_KEPT = 2_000;
// Longer texts (lists such as charge records) are parsed each time rather than kept.
const PARSED_MAX_CHARS = 4_096;
const parsed = new Map<string, unknown>();

/**
 * A stored body's value. Pages read the same latest values over and over
 * until a vehicle reports new ones, and parsing them was ~6% of a dashboard
 * view's CPU, so each text's value is kept: the value of a JSON text never
 * changes, so it is never stale. Values are frozen, as they are shared.
 */
function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  if (text.length > PARSED_MAX_CHARS) return parseOnce(text);
  const known = parsed.get(text);
  if (known !== undefined || parsed.has(text)) return known;
  const value = deepFreeze(parseOnce(text));
  if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, value);
  return value;
}

function parseOnce(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
