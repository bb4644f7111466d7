import type { SmartcarClient } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { inTransaction } from '../../db/transaction.js';
import { heldVehicleIds } from '../vehicles/vehicles.repository.js';
import { lastSignalReads, markSignalsRead } from './signal-reads.repository.js';
import { fromLatestRow, type StoredSignal, toSignalValue } from './signal-values.js';
import {
  appendSignalHistories,
  listLatestSignals,
  listSignalHistory,
  upsertLatestSignals,
} from './signals.repository.js';

/** Stored values younger than this (ms, default 60 s) are shown without asking Smartcar again. */
export const SIGNALS_FRESH_MS = 60_000;
/** How far back the charts and the track reach, in ms (default 24 h). */
export const HISTORY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A point of a signal's history. */
export interface HistoryPoint {
  readonly at: number;
  readonly value: number;
}

/** A position of the vehicle's track. */
export interface TrackPoint {
  readonly at: number;
  readonly latitude: number;
  readonly longitude: number;
}

export interface SignalsServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly smartcar: SmartcarClient;
  /** See {@link SIGNALS_FRESH_MS}. */
  readonly freshMs?: number;
}

/** A vehicle's signals: read from Smartcar with the stored user id, kept as latest values and history. */
export function createSignalsService({
  db,
  clock,
  smartcar,
  freshMs = SIGNALS_FRESH_MS,
}: SignalsServiceDeps) {
  function staleOf(reads: readonly { vehicleId: string; readAt: number | null }[]): string[] {
    const oldest = clock.now() - freshMs;
    return reads.filter((r) => r.readAt === null || r.readAt <= oldest).map((r) => r.vehicleId);
  }

  return {
    /**
     * Reads every signal of a vehicle from Smartcar and stores them in one
     * transaction: each as the latest unless a newer value is stored (a
     * webhook may have been faster), each success in the history; nothing
     * when no account holds the vehicle any more.
     * @returns the codes whose latest value changed. Smartcar errors propagate.
     */
    async refresh(
      vehicle: { vehicleId: string; smartcarUserId: string },
      signal: AbortSignal,
    ): Promise<string[]> {
      const read = [];
      const pages = smartcar.signals.list(vehicle.vehicleId, { userId: vehicle.smartcarUserId, signal });
      for await (const item of pages) read.push(item);
      const now = clock.now();
      const values = read.map((s) => toSignalValue(vehicle.vehicleId, s, now));
      // Latest values, then history, each in (vehicle, code) order: the order webhooks write in.
      return inTransaction(db, async (trx) => {
        // Disconnected while Smartcar was being read: its values were just deleted, and stay so.
        if (!(await heldVehicleIds(trx, [vehicle.vehicleId])).has(vehicle.vehicleId)) return [];
        const changed = await upsertLatestSignals(trx, values);
        await appendSignalHistories(trx, values);
        await markSignalsRead(trx, vehicle.vehicleId, now);
        return changed.map((value) => value.code);
      });
    },

    /** The vehicles among these whose stored signals are missing or older than the freshness window. */
    async stale(vehicleIds: readonly string[]): Promise<string[]> {
      const reads = await lastSignalReads(db, vehicleIds);
      return staleOf(vehicleIds.map((vehicleId) => ({ vehicleId, readAt: reads.get(vehicleId) ?? null })));
    },

    /** {@link stale} for read times already at hand (`readAt`: last full read, epoch ms; null if never). */
    staleOf,

    /** Every stored latest value of a vehicle. */
    async latest(vehicleId: string): Promise<StoredSignal[]> {
      return (await listLatestSignals(db, vehicleId)).map(fromLatestRow);
    },

    /** A numeric signal's stored history over the window, oldest first. */
    async history(vehicleId: string, code: string): Promise<HistoryPoint[]> {
      const rows = await listSignalHistory(db, vehicleId, code, { since: clock.now() - HISTORY_WINDOW_MS });
      return rows.flatMap((r) =>
        r.value_number === null ? [] : [{ at: r.oem_updated_at, value: r.value_number }],
      );
    },

    /** The stored positions over the window, oldest first. */
    async track(vehicleId: string): Promise<TrackPoint[]> {
      const rows = await listSignalHistory(db, vehicleId, 'location-preciselocation', {
        since: clock.now() - HISTORY_WINDOW_MS,
      });
      return rows.flatMap((r) => {
        const body = parse(r.body) as { latitude?: unknown; longitude?: unknown } | undefined;
        const { latitude, longitude } = body ?? {};
        return typeof latitude === 'number' && typeof longitude === 'number'
          ? [{ at: r.oem_updated_at, latitude, longitude }]
          : [];
      });
    },
  };
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type SignalsService = ReturnType<typeof createSignalsService>;
