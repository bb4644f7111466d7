import type { StoredSignal } from '../signals/signal-values.js';

/** Vehicles whose card values are kept, at most; past this the record starts over. */
const CAPACITY = 10_000;

interface Kept {
  readonly version: number;
  readonly signals: readonly StoredSignal[];
}

/**
 * The values each dashboard card shows, kept with the version of the
 * vehicle's latest values they were read at (`signal_versions`, replaced in
 * the transaction of every write of those values, whichever instance made
 * it). A view reads the versions with the vehicles anyway; when every
 * vehicle's is the one kept, the cards' rows are not read again. A version
 * read before the rows can only be older than them, which costs one more
 * read later, never a stale card.
 */
export function createCardValues() {
  const kept = new Map<string, Kept>();
  return {
    /** Every vehicle's kept values, or undefined when one has none for its version (or no version). */
    all(
      vehicles: readonly { readonly vehicle_id: string; readonly values_version: number | null }[],
    ): Map<string, readonly StoredSignal[]> | undefined {
      const out = new Map<string, readonly StoredSignal[]>();
      for (const { vehicle_id, values_version } of vehicles) {
        const hit = kept.get(vehicle_id);
        if (values_version === null || hit === undefined || hit.version !== values_version) return undefined;
        out.set(vehicle_id, hit.signals);
      }
      return out;
    },
    /** Keeps the values read after `vehicles` (and their versions) were. */
    keep(
      vehicles: readonly { readonly vehicle_id: string; readonly values_version: number | null }[],
      values: ReadonlyMap<string, readonly StoredSignal[]>,
    ): void {
      for (const { vehicle_id, values_version } of vehicles) {
        const signals = values.get(vehicle_id);
        if (values_version === null || signals === undefined) continue;
        if (kept.size >= CAPACITY && !kept.has(vehicle_id)) kept.clear();
        kept.set(vehicle_id, { version: values_version, signals: Object.freeze([...signals]) });
      }
    },
  };
}
