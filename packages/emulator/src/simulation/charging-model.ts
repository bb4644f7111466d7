import type { VehicleSpec } from './vehicle-specs.js';

/**
 * The charging model, in closed form so that any elapsed time is evaluated
 * in one step (no ticking):
 *
 * - Grid-side power is the lesser of the charger's rating and the vehicle's
 *   limit for that kind (on-board charger for AC, inlet for DC).
 * - Battery-side power is grid power × efficiency (AC 90 %, DC 95 %).
 * - The battery accepts at most `peak × f(soc)` where `peak` is the larger of
 *   the vehicle's DC and AC limits, `f = 1` up to 80 % and falls linearly to
 *   25 % at 100 % (the taper). So a fast charger slows from 80 % on, while a
 *   slow AC charger stays flat until the taper drops below it.
 *
 * State of charge is in percent, time in hours, power in kW.
 */
export interface ChargeCurve {
  /** Battery-side power limit from the charger and inlet, kW. */
  limitKw: number;
  /** Battery acceptance before the taper, kW. */
  peakKw: number;
  /** Usable capacity, kWh. */
  capacityKwh: number;
  /** Grid → battery efficiency, 0–1. */
  efficiency: number;
}

export const AC_EFFICIENCY = 0.9;
export const DC_EFFICIENCY = 0.95;
/** State of charge (percent) where the taper starts. */
export const TAPER_START = 80;
/** Fraction of peak power the battery still accepts at 100 %. */
export const TAPER_END_FRACTION = 0.25;
const A = (1 - TAPER_END_FRACTION) / (100 - TAPER_START);

/** The curve of a vehicle on a charger; null when the vehicle cannot take this kind of charger. */
export function chargeCurve(
  spec: VehicleSpec,
  charger: { powerKw: number; kind: 'AC' | 'DC' },
): ChargeCurve | null {
  const vehicleKw = charger.kind === 'DC' ? spec.maxDcKw : spec.maxAcKw;
  if (vehicleKw <= 0 || spec.batteryKwh <= 0) return null;
  const efficiency = charger.kind === 'DC' ? DC_EFFICIENCY : AC_EFFICIENCY;
  return {
    limitKw: Math.min(charger.powerKw, vehicleKw) * efficiency,
    peakKw: Math.max(spec.maxDcKw, spec.maxAcKw),
    capacityKwh: spec.batteryKwh,
    efficiency,
  };
}

/** Battery acceptance at a state of charge, kW. */
const acceptance = (c: ChargeCurve, soc: number) =>
  c.peakKw * (soc <= TAPER_START ? 1 : 1 - A * (soc - TAPER_START));

/** Battery-side power at a state of charge, kW. */
export function batteryPowerKw(c: ChargeCurve, soc: number): number {
  return Math.min(c.limitKw, acceptance(c, soc));
}

/** State of charge from which the taper, not the charger, limits the power. */
function crossover(c: ChargeCurve): number {
  const ratio = c.limitKw / c.peakKw;
  if (ratio >= 1) return TAPER_START;
  return Math.min(100, TAPER_START + (1 - ratio) / A);
}

/** Percent per hour at full acceptance. */
const taperRate = (c: ChargeCurve) => (100 * c.peakKw) / c.capacityKwh;

/** State of charge after `hours` of charging from `soc` (no limit applied; never above 100). */
export function socAfter(c: ChargeCurve, soc: number, hours: number): number {
  const cross = crossover(c);
  let s = soc;
  let h = hours;
  if (s < cross) {
    const flatRate = (100 * c.limitKw) / c.capacityKwh;
    const flatHours = (cross - s) / flatRate;
    if (h <= flatHours) return s + flatRate * h;
    s = cross;
    h -= flatHours;
  }
  // dx/dt = k (1 − A x) with x = soc − 80, solved exactly.
  const x0 = s - TAPER_START;
  const x = (1 - (1 - A * x0) * Math.exp(-A * taperRate(c) * h)) / A;
  return Math.min(100, TAPER_START + x);
}

/** Hours of charging to go from `soc` to `target` (0 when already there). */
export function hoursToReach(c: ChargeCurve, soc: number, target: number): number {
  if (target <= soc) return 0;
  const cross = crossover(c);
  let s = soc;
  let hours = 0;
  if (s < cross) {
    const flatRate = (100 * c.limitKw) / c.capacityKwh;
    const to = Math.min(target, cross);
    hours += (to - s) / flatRate;
    s = to;
    if (target <= cross) return hours;
  }
  const x0 = s - TAPER_START;
  const x1 = Math.min(target, 100) - TAPER_START;
  return hours + Math.log((1 - A * x0) / (1 - A * x1)) / (A * taperRate(c));
}
