import type { PowertrainType } from '@paddock/contract';

/** What a vehicle is doing; every other quantity evolves from it over time. */
export type Activity = 'PARKED' | 'DRIVING';

/** Charging status as `charge-detailedchargingstatus` reports it. */
export type ChargingStatus = 'CHARGING' | 'NOT_CHARGING' | 'FULLY_CHARGED';

/** A charger the vehicle is plugged into. */
export interface Charger {
  /** Rated power of the charger, kW. */
  powerKw: number;
  kind: 'AC' | 'DC';
}

/**
 * A snapshot of one simulated vehicle at `at` (emulator clock). Metric units;
 * electric fields are null on ICE and fuel fields null on BEV.
 */
export interface VehicleState {
  vehicleId: string;
  powertrain: PowertrainType;
  /** Epoch ms this snapshot describes. */
  at: number;
  activity: Activity;
  online: boolean;
  asleep: boolean;
  locked: boolean;
  /** Traction battery state of charge, percent 0–100; null without one. */
  stateOfChargePct: number | null;
  /** Fuel tank level, percent 0–100; null without a tank. */
  fuelLevelPct: number | null;
  /** Electric range, km; null without a traction battery. */
  electricRangeKm: number | null;
  /** Fuel range, km; null without a tank. */
  fuelRangeKm: number | null;
  odometerKm: number;
  latitude: number;
  longitude: number;
  /** Degrees clockwise from north, [0, 360). */
  headingDeg: number;
  speedKph: number;
  /** The charger the vehicle is plugged into, or null. */
  charger: Charger | null;
  chargePortOpen: boolean;
  chargingStatus: ChargingStatus | null;
  /** Active charge limit, percent 50–100; null without a traction battery. */
  chargeLimitPct: number | null;
  /** Power flowing into the battery now, kW (0 when not charging). */
  chargePowerKw: number;
  /** Energy added in the current (or last) charging session, kWh. */
  energyAddedKwh: number;
  /** Minutes until the active limit is reached at the current rate; null when not charging. */
  minutesToComplete: number | null;
  /** Where the current trip (or the navigation) heads, if anywhere. */
  destination: { latitude: number; longitude: number } | null;
  /** Cabin temperature, °C. */
  cabinC: number;
  /** Outside temperature, °C. */
  outsideC: number;
}
