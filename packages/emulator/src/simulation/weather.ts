/**
 * Outside temperature as a pure function of time and place, so it can be
 * read at any instant without storing anything: a seasonal mean for
 * Colorado's Front Range (about −1 °C in mid-January, 23 °C in mid-July),
 * a daily swing of ±7 °C peaking at 15:00 local solar time, and 6.5 °C less
 * per 1,000 m of rough altitude west of the plains.
 */
export function outsideTemperatureC(epochMs: number, latitude: number, longitude: number): number {
  const days = epochMs / 86_400_000;
  const dayOfYear = (((days % 365.25) + 365.25) % 365.25) - 0.5;
  const seasonal = 11 - 12 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25);
  const solarHour = ((((days % 1) * 24 + longitude / 15) % 24) + 24) % 24;
  const daily = 7 * Math.cos((2 * Math.PI * (solarHour - 15)) / 24);
  // The plains (east of −105°) sit near 1,600 m; the mountains near 2,600 m.
  const altitudeKm = longitude < -105 ? 2.6 : 1.6;
  const latitudeCorrection = -0.5 * (latitude - 39.5);
  return seasonal + daily - 6.5 * (altitudeKm - 1.6) + latitudeCorrection;
}

/** Cabin set-point while the HVAC runs, °C. */
export const CABIN_TARGET_C = 21;
/** Time constant of the cabin approaching its equilibrium: HVAC on, HVAC off (minutes). */
const TAU_ACTIVE_MIN = 10;
const TAU_PARKED_MIN = 45;

/**
 * Cabin temperature after `minutes`, relaxing exponentially from `startC`
 * towards the set-point (HVAC on) or towards the outside temperature at the
 * end of the span (HVAC off).
 */
export function cabinAfter(startC: number, minutes: number, hvacOn: boolean, outsideC: number): number {
  const target = hvacOn ? CABIN_TARGET_C : outsideC;
  const tau = hvacOn ? TAU_ACTIVE_MIN : TAU_PARKED_MIN;
  return target + (startC - target) * Math.exp(-Math.max(0, minutes) / tau);
}
