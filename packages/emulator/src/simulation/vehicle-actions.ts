import { ApiError } from '../http/api-error.js';
import { chargeCurve } from './charging-model.js';
import { bearingDeg } from './geo.js';
import { type ChargeSession, MAX_CHARGE_RECORDS } from './vehicle-anchor.js';
import { type LoadedVehicle, type LoaderDeps, loadVehicle, settle } from './vehicle-loader.js';
import { isPlugIn } from './vehicle-specs.js';
import type { VehicleState } from './vehicle-state.js';

export const notCapable = (detail: string) =>
  new ApiError('COMPATIBILITY', 'VEHICLE_NOT_CAPABLE', { detail });
export const invalid = (detail: string) => new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', { detail });
export const stateError = (
  code:
    | 'ASLEEP'
    | 'CHARGING_IN_PROGRESS'
    | 'CHARGING_PLUG_NOT_CONNECTED'
    | 'FULLY_CHARGED'
    | 'IN_MOTION'
    | 'NOT_CHARGING'
    | 'UNKNOWN'
    | 'UNREACHABLE',
  detail: string,
) => new ApiError('VEHICLE_STATE', code, { detail });

/** Default charger when none is described: a North American level-2 wallbox, or a 150 kW DC station. */
export const DEFAULT_AC_KW = 11;
export const DEFAULT_DC_KW = 150;
/** Default trip speed, km/h. */
export const DEFAULT_SPEED_KPH = 50;

export function checkNumber(value: number, min: number, max: number, what: string): number {
  if (!Number.isFinite(value) || value < min || value > max)
    throw invalid(`${what} must be a number from ${min} to ${max}.`);
  return value;
}

export function checkPoint(p: { latitude: number; longitude: number }): {
  latitude: number;
  longitude: number;
} {
  return {
    latitude: checkNumber(p.latitude, -90, 90, 'latitude'),
    longitude: checkNumber(p.longitude, -180, 180, 'longitude'),
  };
}

/**
 * Runs a change on a settled vehicle and stores the result. `wake` marks the
 * vehicle active (it stays awake for the next ten minutes).
 */
export function change(
  deps: LoaderDeps,
  id: string,
  act: (v: LoadedVehicle, s: VehicleState) => void,
  wake = true,
): void {
  const v = loadVehicle(deps, id);
  try {
    const state = settle(deps, v);
    act(v, state);
    if (wake && !v.anchor.forcedAsleep) v.anchor.activeAt = deps.clock.now();
  } finally {
    // Put even when `act` refused: settling (and a half-made change) edited the
    // stored state in place, and readers cache on the store's revision.
    deps.store.vehicleStates.put(v.anchor);
  }
}

/**
 * A remote command: capability first (501), then reachability — an offline
 * vehicle is UNREACHABLE, one put to sleep from the control surface ASLEEP;
 * a vehicle that merely dozed off is woken by the command, as Smartcar does.
 */
export function command(
  deps: LoaderDeps,
  id: string,
  needsPlugIn: boolean,
  act: (v: LoadedVehicle, s: VehicleState) => void,
): void {
  change(deps, id, (v, s) => {
    if (needsPlugIn && !isPlugIn(v.vehicle.powertrainType)) {
      throw notCapable(`A ${v.vehicle.powertrainType} vehicle has no charge port.`);
    }
    if (!s.online) throw stateError('UNREACHABLE', 'The vehicle is offline and cannot be reached.');
    if (v.anchor.forcedAsleep) throw stateError('ASLEEP', 'The vehicle is asleep and did not wake up.');
    act(v, s);
  });
}

/** Ends the plug-in session: keeps its energy for `charge-energyadded` and a charge record. */
export function endSession(v: LoadedVehicle, s: VehicleState, now: number): void {
  const a = v.anchor;
  if (a.chargerKw <= 0) return;
  const energy = s.energyAddedKwh;
  if (energy > 0.005) {
    const session: ChargeSession = {
      startAt: a.sessionStartAt,
      endAt: s.chargingStatus === 'FULLY_CHARGED' ? Math.min(now, a.activeAt) : now,
      startSoc: a.sessionStartSoc,
      endSoc: s.stateOfChargePct ?? 0,
      energyKwh: energy,
      kind: a.chargerDc ? 'DC' : 'AC',
    };
    a.chargeRecords = [session, ...(a.chargeRecords ?? [])].slice(0, MAX_CHARGE_RECORDS);
  }
  a.sessionKwh = energy;
  a.chargerKw = 0;
  a.chargerDc = false;
  a.chargeEnabled = false;
  a.chargePortOpen = false;
}

/** Plugs the vehicle into a charger; charging starts at once unless already at the limit. */
export function plugIn(
  deps: LoaderDeps,
  id: string,
  charger: { powerKw?: number; kind?: 'AC' | 'DC' } = {},
): void {
  change(deps, id, (v, s) => {
    if (!isPlugIn(v.vehicle.powertrainType))
      throw notCapable(`A ${v.vehicle.powertrainType} vehicle cannot be plugged in.`);
    if (s.activity === 'DRIVING')
      throw stateError('IN_MOTION', 'The vehicle is driving; end the trip first.');
    const kind = charger.kind ?? 'AC';
    if (kind !== 'AC' && kind !== 'DC') throw invalid('kind must be "AC" or "DC".');
    const powerKw = checkNumber(
      charger.powerKw ?? (kind === 'DC' ? DEFAULT_DC_KW : DEFAULT_AC_KW),
      1,
      500,
      'powerKw',
    );
    if (!chargeCurve(v.spec, { powerKw, kind }))
      throw notCapable(`This vehicle has no ${kind} charging inlet.`);
    const a = v.anchor;
    if (a.chargerKw <= 0) {
      a.sessionStartSoc = a.soc;
      a.sessionStartAt = deps.clock.now();
    }
    a.chargerKw = powerKw;
    a.chargerDc = kind === 'DC';
    a.chargeEnabled = true;
    a.chargePortOpen = true;
  });
}

/** Starts a trip: unplugs the vehicle if needed and heads for the destination, the navigation's, or straight on. */
export function startTrip(
  deps: LoaderDeps,
  id: string,
  trip: {
    speedKph?: number;
    headingDeg?: number;
    destination?: { latitude: number; longitude: number };
  } = {},
): void {
  change(deps, id, (v, s) => {
    if (s.activity === 'DRIVING') throw stateError('IN_MOTION', 'The vehicle is already driving.');
    const speed = checkNumber(trip.speedKph ?? DEFAULT_SPEED_KPH, 1, 300, 'speedKph');
    const heading =
      trip.headingDeg === undefined ? undefined : checkNumber(trip.headingDeg, 0, 360, 'headingDeg') % 360;
    const a = v.anchor;
    const destination = trip.destination
      ? checkPoint(trip.destination)
      : heading === undefined && a.destLat !== null && a.destLon !== null
        ? { latitude: a.destLat, longitude: a.destLon }
        : null;
    endSession(v, s, deps.clock.now());
    a.driving = true;
    a.speedKph = speed;
    a.forcedAsleep = false;
    a.destLat = destination?.latitude ?? null;
    a.destLon = destination?.longitude ?? null;
    a.heading = destination
      ? bearingDeg({ latitude: a.lat, longitude: a.lon }, destination)
      : (heading ?? a.heading);
  });
}
