import type { PowertrainType } from '@paddock/contract';
import { seededRandom } from './seeded.js';
import { isPlugIn, type VehicleSpec } from './vehicle-specs.js';
import type { VehicleState } from './vehicle-state.js';
import { outsideTemperatureC } from './weather.js';

/** Bits of `VehicleAnchor.openings`: doors 0–3 and windows 4–7 (front left, front right, rear left, rear right). */
export const OPENING = {
  door: (i: number) => 1 << i,
  window: (i: number) => 1 << (4 + i),
  frontTrunk: 1 << 8,
  rearTrunk: 1 << 9,
  tailgate: 1 << 10,
  sunroof: 1 << 11,
  engineCover: 1 << 12,
} as const;

/** A finished charging session (kept for `charge-chargerecords`, at most `MAX_CHARGE_RECORDS`). */
export interface ChargeSession {
  startAt: number;
  endAt: number;
  startSoc: number;
  endSoc: number;
  energyKwh: number;
  kind: 'AC' | 'DC';
}
export const MAX_CHARGE_RECORDS = 10;

/**
 * The stored state of one vehicle: the values that held at `at`, and the
 * activity under way since then. Everything else is derived on read (see
 * `evolve`). Kept flat and numeric so 100,000 of them stay small; the
 * optional fields exist only on vehicles someone has touched.
 */
export interface VehicleAnchor {
  vehicleId: string;
  powertrain: PowertrainType;
  /** Epoch ms these values describe. */
  at: number;
  /** Traction battery, percent (0 without one). */
  soc: number;
  /** Fuel, percent (0 without a tank). */
  fuel: number;
  odometerKm: number;
  lat: number;
  lon: number;
  heading: number;
  homeLat: number;
  homeLon: number;
  driving: boolean;
  /** Trip speed, km/h (0 when parked). */
  speedKph: number;
  /** Destination of the trip or of the navigation; null when none. */
  destLat: number | null;
  destLon: number | null;
  /** Charger rating, kW; 0 when unplugged. */
  chargerKw: number;
  chargerDc: boolean;
  /** Whether the vehicle wants to charge while plugged (false after a stop command). */
  chargeEnabled: boolean;
  chargeLimit: number;
  /** State of charge when the current (or last) session began; energy added derives from it. */
  sessionStartSoc: number;
  sessionStartAt: number;
  /** Energy of the last finished session, kWh (reported while unplugged). */
  sessionKwh: number;
  locked: boolean;
  /** Bit set of open doors, windows, trunks (see `OPENING`). */
  openings: number;
  chargePortOpen: boolean;
  /** Tyre pressures, kPa: front left, front right, rear left, rear right. */
  tires: [number, number, number, number];
  cabinC: number;
  online: boolean;
  /** Put to sleep from the control surface: commands fail with ASLEEP until woken. */
  forcedAsleep: boolean;
  /** Epoch ms when the vehicle was last active (commands, trips, charging); it sleeps 10 min later. */
  activeAt: number;
  lowVoltageSoc: number;
  /** A 32-bit draw that picks the static traits (trim, colour, firmware…). */
  traits: number;
  nickname: string | null;
  /** Signals edited from the control surface that the simulation does not model; metric bodies. */
  overrides?: Map<string, { body: unknown; at: number }>;
  /** The last state reported before the vehicle went offline. */
  offline?: VehicleState;
  chargeRecords?: ChargeSession[];
}

/** Towns of Colorado where simulated vehicles start (Smartcar's simulated data is in Colorado, §10). */
const TOWNS: readonly [number, number][] = [
  [39.7392, -104.9903], // Denver
  [40.015, -105.2705], // Boulder
  [38.8339, -104.8214], // Colorado Springs
  [40.5853, -105.0844], // Fort Collins
  [39.0639, -108.5506], // Grand Junction
  [38.2544, -104.6091], // Pueblo
  [40.4233, -104.7091], // Greeley
  [39.6403, -106.3742], // Vail
];

/**
 * The first state of a vehicle, drawn from the seed and its id, so every
 * run starts the same vehicle identically. Ranges per reference §10:
 * odometer 10,000–300,000 km, tyres 175–237 kPa, charge state random.
 */
export function createAnchor(
  seed: string,
  vehicleId: string,
  powertrain: PowertrainType,
  spec: VehicleSpec,
  now: number,
): VehicleAnchor {
  const r = seededRandom(seed, `vehicle-state:${vehicleId}`);
  const [townLat, townLon] = r.pick(TOWNS);
  const lat = townLat + (r.next() - 0.5) * 0.1;
  const lon = townLon + (r.next() - 0.5) * 0.1;
  const plugIn = isPlugIn(powertrain);
  const soc = plugIn ? r.int(15, 95) : 0;
  const chargeLimit = plugIn ? r.pick([80, 80, 90, 100]) : 100;
  // A third of plug-in vehicles start on their home AC charger.
  const plugged = plugIn && r.next() < 0.33;
  const windowOpen = r.next() < 0.05 ? OPENING.window(r.int(0, 3)) : 0;
  return {
    vehicleId,
    powertrain,
    at: now,
    soc,
    fuel: powertrain === 'BEV' ? 0 : r.int(10, 100),
    odometerKm: r.int(100_000, 3_000_000) / 10,
    lat,
    lon,
    heading: r.int(0, 359),
    homeLat: lat,
    homeLon: lon,
    driving: false,
    speedKph: 0,
    destLat: null,
    destLon: null,
    chargerKw: plugged ? Math.min(spec.maxAcKw, r.pick([7.2, 11])) : 0,
    chargerDc: false,
    chargeEnabled: plugged,
    chargeLimit,
    sessionStartSoc: soc,
    sessionStartAt: now,
    sessionKwh: 0,
    locked: r.next() < 0.85,
    openings: windowOpen,
    chargePortOpen: plugged,
    tires: [r.int(175, 237), r.int(175, 237), r.int(175, 237), r.int(175, 237)],
    cabinC: outsideTemperatureC(now, lat, lon),
    online: true,
    forcedAsleep: false,
    // Parked for up to two hours already: most vehicles are asleep when first read.
    activeAt: now - r.int(0, 120) * 60_000,
    lowVoltageSoc: r.int(75, 98),
    traits: r.int(0, 2 ** 32 - 1),
    nickname: null,
  };
}
