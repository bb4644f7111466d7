import type { VehicleState } from '../simulation/vehicle-state.js';
import type { VehicleRecord } from '../store/records.js';

const round = (v: number | null, digits = 2) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The state of a vehicle as the control surface shows it (metric, rounded). */
export function stateView(s: VehicleState) {
  return {
    at: new Date(s.at).toISOString(),
    activity: s.activity,
    online: s.online,
    asleep: s.asleep,
    locked: s.locked,
    stateOfChargePct: round(s.stateOfChargePct),
    fuelLevelPct: round(s.fuelLevelPct),
    electricRangeKm: round(s.electricRangeKm, 1),
    fuelRangeKm: round(s.fuelRangeKm, 1),
    odometerKm: round(s.odometerKm, 1),
    location: {
      latitude: round(s.latitude, 6),
      longitude: round(s.longitude, 6),
      headingDeg: round(s.headingDeg, 1),
    },
    speedKph: round(s.speedKph, 1),
    charger: s.charger,
    chargePortOpen: s.chargePortOpen,
    chargingStatus: s.chargingStatus,
    chargeLimitPct: s.chargeLimitPct,
    chargePowerKw: round(s.chargePowerKw),
    energyAddedKwh: round(s.energyAddedKwh),
    minutesToComplete: s.minutesToComplete === null ? null : Math.ceil(s.minutesToComplete),
    destination: s.destination,
    cabinC: round(s.cabinC, 1),
    outsideC: round(s.outsideC, 1),
  };
}

export function vehicleView(v: VehicleRecord) {
  return {
    id: v.id,
    vin: v.vin,
    make: v.make,
    model: v.model,
    year: v.year,
    powertrainType: v.powertrainType,
  };
}
