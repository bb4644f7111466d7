import type { SignalResource, UnitSystem } from '@paddock/contract';
import {
  isSignalCode,
  SIGNAL_CODES,
  SIGNALS,
  type SignalDefinition,
  signalFitsPowertrain,
} from '@paddock/contract';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { describeIssues } from '../http/zod-issues.js';
import { evolve } from './evolve.js';
import { signalBody } from './signal-bodies.js';
import { imperialUnitIn, STATE_EDITORS } from './signal-edits.js';
import { createSignalListMemo } from './signal-list-memo.js';
import { signalResources } from './signal-resources.js';
import { signalResourcesJson } from './signal-resources-json.js';
import { createPollTracker, createSignalStoreControl, type SignalStoreControl } from './signal-store.js';
import {
  change,
  checkNumber,
  checkPoint,
  command,
  endSession,
  invalid,
  notCapable,
  plugIn,
  startTrip,
  stateError,
} from './vehicle-actions.js';
import { type LoaderDeps, loadVehicle, readView } from './vehicle-loader.js';
import type { VehicleState } from './vehicle-state.js';

export type { SignalResource } from '@paddock/contract';
export type { VehicleState } from './vehicle-state.js';

/** Options of `VehicleSimulator.signals`. */
export interface SignalOptions {
  /** Permissions of the connection reading the signals; the others come back as status ERROR. */
  permissions: readonly string[];
  unitSystem: UnitSystem;
  /** Origin of the absolute links (`http://localhost:4010`). */
  origin: string;
}

/**
 * Living vehicles: state evaluated lazily on the emulator clock, mutations
 * that respect that state. Every method throws ApiError RESOURCE_NOT_FOUND /
 * VEHICLE_NOT_FOUND for an unknown vehicle id.
 */
export interface VehicleSimulator {
  /** Current state, advanced lazily to deps.clock.now(). */
  state(vehicleId: string): VehicleState;
  /**
   * Every catalogue signal for the vehicle as v3 signal resources (SUCCESS /
   * ERROR (permission) / UNAVAILABLE (powertrain)), as the store holds them:
   * the state at the vehicle's last poll (`signal-store.ts`).
   */
  signals(vehicleId: string, opts: SignalOptions): SignalResource[];
  /**
   * Optional: `JSON.stringify(signals(vehicleId, opts))` and the list's length,
   * made without the objects. The signal list route uses it when present and
   * falls back to `signals`.
   */
  signalsJson?(vehicleId: string, opts: SignalOptions): { count: number; json: string };
  /**
   * Raw current values by code, metric, for webhook diffing: each signal the
   * powertrain has. This is a poll: later signal reads show this instant.
   */
  values(vehicleId: string): Map<string, { body: unknown; oemUpdatedAt: number }>;
  lock(vehicleId: string): void;
  unlock(vehicleId: string): void;
  startCharge(vehicleId: string): void;
  stopCharge(vehicleId: string): void;
  /** Percent 50–100, else VALIDATION. */
  setChargeLimit(vehicleId: string, percent: number): void;
  openChargePort(vehicleId: string): void;
  closeChargePort(vehicleId: string): void;
  setDestination(vehicleId: string, latitude: number, longitude: number): void;
  /** Default charger: AC 11 kW (DC: 150 kW). */
  plugIn(vehicleId: string, charger?: { powerKw?: number; kind?: 'AC' | 'DC' }): void;
  unplug(vehicleId: string): void;
  /** Default 50 km/h, straight on along the current heading (or to the navigation's destination). */
  startTrip(
    vehicleId: string,
    trip?: { speedKph?: number; headingDeg?: number; destination?: { latitude: number; longitude: number } },
  ): void;
  endTrip(vehicleId: string): void;
  /**
   * Overrides a signal's body (metric units), validated against the
   * catalogue body schema (ApiError VALIDATION). Signals the simulation models
   * change its state; the others keep the edited body until `null` is sent.
   */
  setSignal(vehicleId: string, code: string, body: unknown): void;
  setOnline(vehicleId: string, online: boolean): void;
  setAsleep(vehicleId: string, asleep: boolean): void;
}

const signalNotFound = (code: string) =>
  new ApiError('RESOURCE_NOT_FOUND', 'SIGNAL_NOT_FOUND', { detail: `Signal ${code} not found` });

/**
 * Creates the simulator over the store's vehicles; state lives in
 * `store.vehicleStates`. Signal reads show the state of the vehicle's last
 * poll (`signalStore`, default a poll at most 1 s of the clock old); the
 * control surface's `state` and the webhooks' `values` are the vehicle's now.
 */
export function createVehicleSimulator(
  deps: Pick<EmulatorDeps, 'store' | 'clock' | 'seed'>,
  signalStore: SignalStoreControl = createSignalStoreControl(),
): VehicleSimulator {
  const d: LoaderDeps = deps;
  const lists = createSignalListMemo(d);
  const polls = createPollTracker(d, signalStore);
  /** What the store holds for a vehicle: its state at the last poll, and that poll's instant. */
  const stored = (id: string) => {
    const v = loadVehicle(d, id);
    const at = polls.pollInstant(v.vehicle);
    return { v, at };
  };
  const resourceOptions = (opts: SignalOptions, reportedAt: number, at: number) => ({
    ...opts,
    now: at,
    reportedAt,
  });

  const setOnline = (id: string, online: boolean) =>
    change(d, id, (v, s) => {
      if (online) delete v.anchor.offline;
      else if (v.anchor.online) v.anchor.offline = { ...s, online: false, asleep: false };
      v.anchor.online = online;
    });

  const setAsleep = (id: string, asleep: boolean) =>
    change(
      d,
      id,
      (v, s) => {
        if (asleep) {
          if (!s.online) throw stateError('UNREACHABLE', 'The vehicle is offline.');
          if (s.activity === 'DRIVING') throw stateError('IN_MOTION', 'A driving vehicle stays awake.');
          if (s.chargingStatus === 'CHARGING')
            throw stateError('CHARGING_IN_PROGRESS', 'A charging vehicle stays awake.');
        }
        v.anchor.forcedAsleep = asleep;
        if (!asleep) v.anchor.activeAt = d.clock.now();
      },
      false,
    );

  return {
    state: (id) => {
      const v = loadVehicle(d, id);
      return evolve(v.anchor, v.spec, id, d.clock.now()).state;
    },
    signals: (id, opts) => {
      const { v, at } = stored(id);
      const { ctx, reportedAt } = readView(d, v, at);
      return signalResources(ctx, resourceOptions(opts, reportedAt, at));
    },
    signalsJson: (id, opts) => {
      const { v, at } = stored(id);
      return lists.get(id, opts, at, () => {
        const { ctx, reportedAt } = readView(d, v, at);
        return signalResourcesJson(ctx, resourceOptions(opts, reportedAt, at));
      });
    },
    values: (id) => {
      const v = loadVehicle(d, id);
      polls.poll(v.vehicle);
      const { ctx, reportedAt } = readView(d, v);
      const out = new Map<string, { body: unknown; oemUpdatedAt: number }>();
      for (const code of SIGNAL_CODES) {
        if (!signalFitsPowertrain(code, ctx.vehicle.powertrainType)) continue;
        out.set(code, {
          body: signalBody(code, ctx),
          oemUpdatedAt: ctx.anchor.overrides?.get(code)?.at ?? reportedAt,
        });
      }
      return out;
    },
    lock: (id) =>
      command(d, id, false, (v, s) => {
        if (s.activity === 'DRIVING') throw stateError('IN_MOTION', 'The vehicle is in motion.');
        v.anchor.locked = true;
      }),
    unlock: (id) =>
      command(d, id, false, (v, s) => {
        if (s.activity === 'DRIVING') throw stateError('IN_MOTION', 'The vehicle is in motion.');
        v.anchor.locked = false;
      }),
    startCharge: (id) =>
      command(d, id, true, (v, s) => {
        if (!s.charger)
          throw stateError('CHARGING_PLUG_NOT_CONNECTED', 'The charging cable is not connected.');
        if ((s.stateOfChargePct ?? 0) >= (s.chargeLimitPct ?? 100)) {
          throw stateError('FULLY_CHARGED', 'The battery is already at its charge limit.');
        }
        v.anchor.chargeEnabled = true;
      }),
    stopCharge: (id) =>
      command(d, id, true, (v, s) => {
        if (s.chargingStatus !== 'CHARGING') throw stateError('NOT_CHARGING', 'The vehicle is not charging.');
        v.anchor.chargeEnabled = false;
      }),
    setChargeLimit: (id, percent) =>
      command(d, id, true, (v) => {
        v.anchor.chargeLimit = checkNumber(percent, 50, 100, 'The charge limit');
      }),
    openChargePort: (id) =>
      command(d, id, true, (v) => {
        v.anchor.chargePortOpen = true;
      }),
    closeChargePort: (id) =>
      command(d, id, true, (v, s) => {
        if (s.chargingStatus === 'CHARGING')
          throw stateError('CHARGING_IN_PROGRESS', 'The vehicle is charging.');
        if (s.charger) throw stateError('UNKNOWN', 'The charging cable is still in the port.');
        v.anchor.chargePortOpen = false;
      }),
    setDestination: (id, latitude, longitude) =>
      command(d, id, false, (v) => {
        const p = checkPoint({ latitude, longitude });
        v.anchor.destLat = p.latitude;
        v.anchor.destLon = p.longitude;
      }),
    plugIn: (id, charger) => plugIn(d, id, charger),
    unplug: (id) =>
      change(d, id, (v, s) => {
        if (!s.charger) throw stateError('CHARGING_PLUG_NOT_CONNECTED', 'The vehicle is not plugged in.');
        endSession(v, s, d.clock.now());
      }),
    startTrip: (id, trip) => startTrip(d, id, trip),
    endTrip: (id) =>
      change(d, id, (v, s) => {
        if (s.activity !== 'DRIVING') throw stateError('UNKNOWN', 'The vehicle is not driving.');
        v.anchor.driving = false;
        v.anchor.speedKph = 0;
        v.anchor.destLat = null;
        v.anchor.destLon = null;
      }),
    setSignal: (id, code, body) => {
      const v = loadVehicle(d, id);
      if (!isSignalCode(code)) throw signalNotFound(code);
      if (!signalFitsPowertrain(code, v.vehicle.powertrainType)) {
        throw notCapable(`A ${v.vehicle.powertrainType} vehicle has no ${code} signal.`);
      }
      if (body === null) {
        if (!v.anchor.overrides?.delete(code)) throw invalid(`${code} has no edit to clear.`);
        d.store.vehicleStates.put(v.anchor);
        return;
      }
      const parsed = (SIGNALS[code] as SignalDefinition).body.safeParse(body);
      if (!parsed.success) throw invalid(`Invalid ${code} body: ${describeIssues(parsed.error)}`);
      const unit = imperialUnitIn(parsed.data);
      if (unit) throw invalid(`Edits are metric: ${unit} is not accepted.`);
      if (code === 'connectivitystatus-isonline' || code === 'connectivitystatus-isasleep') {
        const value = (parsed.data as { value: boolean | null }).value;
        if (value === null) throw invalid('value must be true or false.');
        return code === 'connectivitystatus-isonline' ? setOnline(id, value) : setAsleep(id, value);
      }
      const editor = STATE_EDITORS[code] as ((a: typeof v.anchor, b: unknown) => void) | undefined;
      change(d, id, (loaded) => {
        if (editor) editor(loaded.anchor, parsed.data);
        else {
          loaded.anchor.overrides ??= new Map();
          loaded.anchor.overrides.set(code, { body: parsed.data, at: d.clock.now() });
        }
      });
    },
    setOnline,
    setAsleep,
  };
}
