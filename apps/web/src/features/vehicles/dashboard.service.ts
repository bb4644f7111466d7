import type { Kysely } from 'kysely';
import type { CommandLogEntry, Database, VehicleRow } from '../../db/tables.js';
import { withDeadline } from '../../lib/deadline.js';
import { mapConcurrent } from '../../lib/map-concurrent.js';
import { singleFlight } from '../../lib/single-flight.js';
import type { AppLogger } from '../../logger.js';
import type { CommandsService } from '../commands/commands.service.js';
import { fromLatestRow, type StoredSignal } from '../signals/signal-values.js';
import type { HistoryPoint, SignalsService, TrackPoint } from '../signals/signals.service.js';
import { listVehicleProblems, type VehicleProblem } from '../vehicle-errors/vehicle-errors.repository.js';
import { findSubscription, type SubscriptionState } from '../webhooks/webhook-subscriptions.repository.js';
import { createCardValues } from './card-values.js';
import { listDashboardVehicles, listSummarySignals } from './dashboard.repository.js';
import { toListedVehicle } from './listed-vehicle.js';
import { describeSmartcarError, type UpstreamProblem } from './smartcar-error-message.js';
import {
  findAccountVehicle,
  listAccountVehicles,
  markVehicleDisconnected,
  upsertVehicle,
} from './vehicles.repository.js';
import {
  LIST_DEADLINE_MS,
  type ListedVehicle,
  VEHICLE_FETCH_CONCURRENCY,
  type VehiclesService,
} from './vehicles.service.js';

/** A vehicle on the dashboard: who it is, its stored signals, and why they could not be refreshed. */
export interface DashboardVehicle {
  readonly vehicle: ListedVehicle;
  readonly signals: readonly StoredSignal[];
  readonly problem: UpstreamProblem | undefined;
  /** How many problems Smartcar reports about it and has not reported resolved (`VEHICLE_ERROR`). */
  readonly reportedProblems: number;
}

/** Everything the vehicle page shows. */
export interface VehicleDetail {
  readonly row: VehicleRow;
  readonly signals: readonly StoredSignal[];
  readonly problem: UpstreamProblem | undefined;
  readonly levelKind: 'battery' | 'fuel';
  readonly level: readonly HistoryPoint[];
  readonly odometer: readonly HistoryPoint[];
  readonly odometerUnit: string;
  readonly track: readonly TrackPoint[];
  readonly commands: readonly CommandLogEntry[];
  /** Undefined when the app has no webhook configured. */
  readonly subscription: SubscriptionState | 'NONE' | undefined;
  /** What Smartcar reports wrong with the vehicle (`VEHICLE_ERROR`), still open. */
  readonly problems: readonly VehicleProblem[];
}

export interface DashboardServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly vehicles: VehiclesService;
  readonly signals: SignalsService;
  readonly commands: CommandsService;
  readonly logger: AppLogger;
  readonly webhookId: string | undefined;
  /** Deadline of the signal reads behind one page, in ms. Default {@link LIST_DEADLINE_MS}. */
  readonly deadlineMs?: number;
  /**
   * How long an account's vehicle list, once read from Smartcar, is served
   * from the store without asking Smartcar again, in ms. Default
   * {@link CONNECTIONS_FRESH_MS}.
   */
  readonly connectionsFreshMs?: number;
}

/** Default of {@link DashboardServiceDeps.connectionsFreshMs}: 60 s, like the signals' window. */
export const CONNECTIONS_FRESH_MS = 60_000;
// Accounts whose listing time is remembered before expired entries are swept.
const LISTING_TIMES_SWEEP_AT = 10_000;

const FUEL_FIRST = new Set(['ICE', 'HEV']);
const NO_PROBLEMS: ReadonlyMap<string, UpstreamProblem> = new Map();

/**
 * Reads for the vehicle pages, from the app's own store: the account's
 * vehicles and their latest values. Smartcar is asked only when the store
 * is stale: the account's connections when this process has not listed them
 * within the connections window (vehicles that Smartcar no longer lists are
 * marked disconnected), a vehicle's signals when they were not read within
 * the signals window (webhooks keep them current meanwhile). Concurrent
 * views of the same stale data share one Smartcar call. A signal refresh
 * that fails leaves the stored values on the page with the reason.
 */
export function createDashboardService(deps: DashboardServiceDeps) {
  const { db, clock, vehicles, signals, commands, logger, webhookId } = deps;
  const deadlineMs = deps.deadlineMs ?? LIST_DEADLINE_MS;
  const connectionsFreshMs = deps.connectionsFreshMs ?? CONNECTIONS_FRESH_MS;
  // accountId → when this process last listed its connections (epoch ms).
  const listedAt = new Map<string, number>();
  const sharedListing = singleFlight<string, void>();
  const sharedRefresh = singleFlight<string, void>();
  const cardValues = createCardValues();

  /** Reads the account's connections from Smartcar and brings the store in line with them. */
  async function syncConnections(accountId: string): Promise<void> {
    const listed = await vehicles.listVehicles(accountId);
    const stored = new Map((await listAccountVehicles(db, accountId)).map((r) => [r.vehicle_id, r]));
    const now = clock.now();
    for (const v of listed) {
      const row = stored.get(v.id);
      stored.delete(v.id);
      if (
        row === undefined ||
        row.powertrain !== (v.powertrainType ?? null) ||
        row.model !== v.model ||
        row.make !== v.make ||
        row.year !== v.year
      ) {
        await upsertVehicle(
          db,
          {
            accountId,
            vehicleId: v.id,
            smartcarUserId: row?.smartcar_user_id ?? v.smartcarUserId,
            make: v.make,
            model: v.model,
            year: v.year,
            powertrain: v.powertrainType,
          },
          now,
        );
      }
    }
    // Connected here but no longer at Smartcar: revoked elsewhere (the owner's Smartcar account).
    for (const gone of stored.keys()) await markVehicleDisconnected(db, accountId, gone, now);
    if (listedAt.size >= LISTING_TIMES_SWEEP_AT) {
      for (const [id, at] of listedAt) if (at <= now - connectionsFreshMs) listedAt.delete(id);
    }
    listedAt.set(accountId, now);
  }

  /**
   * Refreshes the vehicles given, each failure kept as that vehicle's problem.
   * A vehicle already being read for another page is not read twice: the
   * page waits for that read. Non-Smartcar errors propagate.
   */
  async function refreshAll(
    targets: readonly { vehicleId: string; smartcarUserId: string }[],
  ): Promise<Map<string, UpstreamProblem>> {
    const problems = new Map<string, UpstreamProblem>();
    await mapConcurrent(targets, VEHICLE_FETCH_CONCURRENCY, async (target) => {
      try {
        // Shared by every page waiting on it, so one browser leaving does not cancel it: the deadline ends it.
        await sharedRefresh(target.vehicleId, async () => {
          await withDeadline(deadlineMs, undefined, (s) => signals.refresh(target, s), 'Reading the signals');
        });
      } catch (error) {
        const problem = describeSmartcarError(error, clock.now());
        if (problem === undefined) throw error;
        logger.warn(
          { err: error, vehicleId: target.vehicleId, smartcarRequestId: problem.requestId },
          'signal refresh failed',
        );
        problems.set(target.vehicleId, problem);
      }
    });
    return problems;
  }

  return {
    /**
     * The dashboard: the account's connected vehicles from the store (the
     * connections read from Smartcar first when this process has not done so
     * within the window), each with the stored signals its card shows (read
     * again first when stale). Listing errors propagate; signal-refresh errors become
     * each vehicle's problem.
     */
    async overview(accountId: string): Promise<DashboardVehicle[]> {
      const at = listedAt.get(accountId);
      if (at === undefined || at <= clock.now() - connectionsFreshMs)
        await sharedListing(accountId, () => syncConnections(accountId));
      // Two statements however many vehicles: the vehicles with their last read and
      // values' version, then the cards' values unless those of every version are kept.
      const rows = await listDashboardVehicles(db, accountId);
      const listed = rows.map(toListedVehicle);
      const stale = new Set(
        signals.staleOf(rows.map((r) => ({ vehicleId: r.vehicle_id, readAt: r.read_at }))),
      );
      const due = listed
        .filter((v) => stale.has(v.id))
        .map((v) => ({ vehicleId: v.id, smartcarUserId: v.smartcarUserId }));
      const problems = due.length > 0 ? await refreshAll(due) : NO_PROBLEMS;
      // After a refresh the versions read above are old: read the values again.
      let latest = due.length > 0 ? undefined : cardValues.all(rows);
      if (latest === undefined) {
        // The cards show a few facts: only those rows are read and parsed.
        const read = new Map<string, StoredSignal[]>(listed.map((v) => [v.id, []]));
        for (const row of await listSummarySignals(db, accountId))
          read.get(row.vehicle_id)?.push(fromLatestRow(row));
        cardValues.keep(rows, read);
        latest = read;
      }
      return listed.map((vehicle, i) => ({
        vehicle,
        signals: latest.get(vehicle.id) ?? [],
        problem: problems.get(vehicle.id),
        reportedProblems: Number(rows[i]!.problem_count ?? 0),
      }));
    },

    /** One connected vehicle of the account, or undefined (never theirs, or disconnected). */
    async connectedVehicle(accountId: string, vehicleId: string): Promise<VehicleRow | undefined> {
      const row = await findAccountVehicle(db, accountId, vehicleId);
      return row && row.disconnected_at === null ? row : undefined;
    },

    /**
     * What the vehicle page shows. Signals are refreshed first when stale,
     * or always with `refresh: 'force'`; with `refresh: 'never'` (live
     * updates) only the store is read.
     */
    async detail(row: VehicleRow, options: { refresh: 'auto' | 'force' | 'never' }): Promise<VehicleDetail> {
      const vehicleId = row.vehicle_id;
      const due =
        options.refresh === 'force' ||
        (options.refresh === 'auto' && (await signals.stale([vehicleId])).length > 0);
      const problems = due
        ? await refreshAll([{ vehicleId, smartcarUserId: row.smartcar_user_id }])
        : new Map();
      const latest = await signals.latest(vehicleId);
      const hasBattery = latest.some(
        (s) => s.code === 'tractionbattery-stateofcharge' && s.status === 'SUCCESS',
      );
      const levelKind =
        FUEL_FIRST.has(row.powertrain ?? '') || (!row.powertrain && !hasBattery) ? 'fuel' : 'battery';
      const odometerSignal = latest.find((s) => s.code === 'odometer-traveleddistance');
      const odometerUnit = (odometerSignal?.body as { unit?: unknown } | undefined)?.unit;
      const [level, odometer, track, log, subscription, reported] = await Promise.all([
        signals.history(
          vehicleId,
          levelKind === 'battery' ? 'tractionbattery-stateofcharge' : 'internalcombustionengine-fuellevel',
        ),
        signals.history(vehicleId, 'odometer-traveleddistance'),
        signals.track(vehicleId),
        commands.list(row.account_id, vehicleId),
        webhookId === undefined ? undefined : findSubscription(db, vehicleId, webhookId),
        listVehicleProblems(db, vehicleId, row.smartcar_user_id),
      ]);
      return {
        row,
        signals: latest,
        problem: problems.get(vehicleId),
        levelKind,
        level,
        odometer,
        odometerUnit: odometerUnit === 'miles' ? 'mi' : 'km',
        track,
        commands: log,
        subscription: webhookId === undefined ? undefined : (subscription ?? 'NONE'),
        problems: reported,
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
