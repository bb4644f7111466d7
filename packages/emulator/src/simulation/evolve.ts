import { batteryPowerKw, chargeCurve, hoursToReach, socAfter } from './charging-model.js';
import { bearingDeg, distanceKm, type Point, travel } from './geo.js';
import type { VehicleAnchor } from './vehicle-anchor.js';
import { isPlugIn, type VehicleSpec } from './vehicle-specs.js';
import type { ChargingStatus, VehicleState } from './vehicle-state.js';
import { cabinAfter, outsideTemperatureC } from './weather.js';

/** A parked vehicle falls asleep this long after its last activity. */
export const SLEEP_AFTER_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/** The state at an instant, and when the vehicle was last active (trip end, charge end, command). */
export interface Evolved {
  state: VehicleState;
  lastActiveAt: number;
}

/** Electric and fuel range, km, of the energy on board. */
export function rangesKm(spec: VehicleSpec, soc: number, fuel: number): { electric: number; fuel: number } {
  return {
    electric: spec.kwhPer100Km > 0 ? (((soc / 100) * spec.batteryKwh) / spec.kwhPer100Km) * 100 : 0,
    fuel: spec.litersPer100Km > 0 ? (((fuel / 100) * spec.tankLiters) / spec.litersPer100Km) * 100 : 0,
  };
}

/**
 * The vehicle at `now`, from its anchor alone: a pure function, evaluated in
 * closed form whatever the elapsed time. Driving moves along a great circle at
 * constant speed, using the battery first (PHEV) then fuel, and stops at the
 * destination or when energy runs out. Charging follows `charging-model.ts`
 * and stops at the active limit. A time before the anchor reads as the anchor.
 */
export function evolve(a: VehicleAnchor, spec: VehicleSpec, vehicleId: string, now: number): Evolved {
  const t = Math.max(now, a.at);
  const hours = (t - a.at) / HOUR_MS;
  let { soc, fuel, odometerKm, heading, driving } = a;
  let position: Point = { latitude: a.lat, longitude: a.lon };
  let destination: Point | null =
    a.destLat !== null && a.destLon !== null ? { latitude: a.destLat, longitude: a.destLon } : null;
  let lastActiveAt = a.activeAt;
  let cabinC: number;

  if (a.driving) {
    const range = rangesKm(spec, soc, fuel);
    const toDestination = destination ? distanceKm(position, destination) : Number.POSITIVE_INFINITY;
    const reachable = Math.min(range.electric + range.fuel, toDestination);
    const planned = a.speedKph * hours;
    const d = Math.min(planned, reachable);
    const bearing = destination ? bearingDeg(position, destination) : a.heading;
    const moved = travel(position, bearing, d);
    heading = moved.heading;
    position = { latitude: moved.latitude, longitude: moved.longitude };
    const electricKm = Math.min(d, range.electric);
    if (spec.batteryKwh > 0)
      soc = Math.max(0, soc - ((electricKm * spec.kwhPer100Km) / 100 / spec.batteryKwh) * 100);
    if (spec.tankLiters > 0) {
      fuel = Math.max(0, fuel - (((d - electricKm) * spec.litersPer100Km) / 100 / spec.tankLiters) * 100);
    }
    odometerKm += d;
    let drivingUntil = t;
    if (planned >= reachable) {
      driving = false;
      drivingUntil = a.speedKph > 0 ? a.at + (reachable / a.speedKph) * HOUR_MS : a.at;
      if (destination && reachable >= toDestination) {
        position = destination;
        destination = null;
      }
    }
    lastActiveAt = drivingUntil;
    const atEnd = cabinAfter(a.cabinC, (drivingUntil - a.at) / 60_000, true, 0);
    cabinC = cabinAfter(
      atEnd,
      (t - drivingUntil) / 60_000,
      false,
      outsideTemperatureC(t, position.latitude, position.longitude),
    );
  } else {
    cabinC = cabinAfter(
      a.cabinC,
      (t - a.at) / 60_000,
      false,
      outsideTemperatureC(t, position.latitude, position.longitude),
    );
  }

  const plugIn = isPlugIn(a.powertrain);
  const plugged = !a.driving && a.chargerKw > 0;
  const charger = plugged
    ? { powerKw: a.chargerKw, kind: a.chargerDc ? ('DC' as const) : ('AC' as const) }
    : null;
  const curve = charger && chargeCurve(spec, charger);
  let chargingStatus: ChargingStatus | null = plugIn ? 'NOT_CHARGING' : null;
  let charging = false;
  let chargePowerKw = 0;
  let minutesToComplete: number | null = null;
  if (curve && a.chargeEnabled) {
    const need = hoursToReach(curve, soc, a.chargeLimit);
    if (hours >= need) {
      if (soc < a.chargeLimit) {
        soc = a.chargeLimit;
        lastActiveAt = Math.max(lastActiveAt, a.at + need * HOUR_MS);
      }
      chargingStatus = 'FULLY_CHARGED';
    } else {
      soc = socAfter(curve, soc, hours);
      charging = true;
      chargingStatus = 'CHARGING';
      chargePowerKw = batteryPowerKw(curve, soc);
      minutesToComplete = hoursToReach(curve, soc, a.chargeLimit) * 60;
      lastActiveAt = t;
    }
  }

  const asleep = a.online && !driving && !charging && (a.forcedAsleep || t - lastActiveAt >= SLEEP_AFTER_MS);
  const range = rangesKm(spec, soc, fuel);
  const state: VehicleState = {
    vehicleId,
    powertrain: a.powertrain,
    at: t,
    activity: driving ? 'DRIVING' : 'PARKED',
    online: a.online,
    asleep,
    locked: a.locked,
    stateOfChargePct: plugIn ? soc : null,
    fuelLevelPct: spec.tankLiters > 0 ? fuel : null,
    electricRangeKm: plugIn ? range.electric : null,
    fuelRangeKm: spec.tankLiters > 0 ? range.fuel : null,
    odometerKm,
    latitude: position.latitude,
    longitude: position.longitude,
    headingDeg: heading,
    speedKph: driving ? a.speedKph : 0,
    charger,
    chargePortOpen: a.chargePortOpen,
    chargingStatus,
    chargeLimitPct: plugIn ? a.chargeLimit : null,
    chargePowerKw,
    energyAddedKwh: plugged ? Math.max(0, ((soc - a.sessionStartSoc) / 100) * spec.batteryKwh) : a.sessionKwh,
    minutesToComplete,
    destination,
    cabinC,
    outsideC: outsideTemperatureC(t, position.latitude, position.longitude),
  };
  return { state, lastActiveAt };
}
