import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { VehicleRecord } from '../store/records.js';
import { evolve, SLEEP_AFTER_MS } from './evolve.js';
import type { SignalContext } from './signal-context.js';
import { createAnchor, type VehicleAnchor } from './vehicle-anchor.js';
import { resolveSpec, type VehicleSpec } from './vehicle-specs.js';
import type { VehicleState } from './vehicle-state.js';

/** A vehicle with its energy figures and stored simulation state. */
export interface LoadedVehicle {
  vehicle: VehicleRecord;
  spec: VehicleSpec;
  anchor: VehicleAnchor;
}

export type LoaderDeps = Pick<EmulatorDeps, 'store' | 'clock' | 'seed'>;

export const vehicleNotFound = (id: string) =>
  new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', { detail: `Vehicle with ID ${id} not found` });

/** Loads a vehicle, creating its simulation state from the seed on first use. */
export function loadVehicle(deps: LoaderDeps, id: string): LoadedVehicle {
  const vehicle = deps.store.vehicles.findById(id);
  if (!vehicle) throw vehicleNotFound(id);
  const spec = resolveSpec(vehicle.make, vehicle.model, vehicle.powertrainType);
  let anchor = deps.store.vehicleStates.get(id);
  if (!anchor) {
    anchor = createAnchor(deps.seed, id, vehicle.powertrainType, spec, deps.clock.now());
    deps.store.vehicleStates.put(anchor);
  }
  return { vehicle, spec, anchor };
}

/**
 * Advances the stored state to now (a new anchor with the same activity),
 * so that a change made next applies from this instant. Returns the state.
 */
export function settle(deps: LoaderDeps, v: LoadedVehicle): VehicleState {
  const { state, lastActiveAt } = evolve(v.anchor, v.spec, v.vehicle.id, deps.clock.now());
  const a = v.anchor;
  a.at = state.at;
  if (state.stateOfChargePct !== null) a.soc = state.stateOfChargePct;
  if (state.fuelLevelPct !== null) a.fuel = state.fuelLevelPct;
  a.odometerKm = state.odometerKm;
  a.lat = state.latitude;
  a.lon = state.longitude;
  a.heading = state.headingDeg;
  a.driving = state.activity === 'DRIVING';
  if (!a.driving) a.speedKph = 0;
  a.destLat = state.destination?.latitude ?? null;
  a.destLon = state.destination?.longitude ?? null;
  a.cabinC = state.cabinC;
  a.activeAt = lastActiveAt;
  return state;
}

/**
 * What a reader sees at `now` (default the clock's now; never before the
 * stored state's instant): the live state, or the last report of an offline
 * vehicle; and when the vehicle last reported (a sleeping vehicle reports
 * nothing new after falling asleep).
 */
export function readView(
  deps: LoaderDeps,
  v: LoadedVehicle,
  now = deps.clock.now(),
): { ctx: SignalContext; reportedAt: number } {
  let state: VehicleState;
  let reportedAt = now;
  if (v.anchor.offline) {
    state = v.anchor.offline;
    reportedAt = state.at;
  } else {
    const evolved = evolve(v.anchor, v.spec, v.vehicle.id, now);
    state = evolved.state;
    if (state.asleep) reportedAt = Math.min(now, evolved.lastActiveAt + SLEEP_AFTER_MS);
  }
  const ctx: SignalContext = {
    vehicle: v.vehicle,
    anchor: v.anchor,
    spec: v.spec,
    state,
    schedules: () => deps.store.chargeSchedules.listSchedules(v.vehicle.id),
  };
  return { ctx, reportedAt };
}
