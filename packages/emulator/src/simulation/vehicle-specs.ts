import type { PowertrainType } from '@paddock/contract';
import { type EnergySpec, findMake } from './catalogue.js';

/** Energy figures of one vehicle, every field present (0 where the powertrain lacks the part). */
export type VehicleSpec = Required<EnergySpec>;

/** Fallbacks for vehicles whose model is not in the catalogue (e.g. a VIN of an unknown make). */
const DEFAULTS: Readonly<Record<PowertrainType, EnergySpec>> = {
  BEV: { batteryKwh: 75, maxAcKw: 11, maxDcKw: 150, kwhPer100Km: 18 },
  PHEV: { batteryKwh: 16, maxAcKw: 7.2, maxDcKw: 0, kwhPer100Km: 21, tankLiters: 50, litersPer100Km: 7 },
  HEV: { tankLiters: 50, litersPer100Km: 5.5 },
  ICE: { tankLiters: 60, litersPer100Km: 8.5 },
};

const cache = new Map<string, VehicleSpec>();

/** The energy figures of a make, model and powertrain; shared by every vehicle of that kind. */
export function resolveSpec(make: string, model: string, powertrain: PowertrainType): VehicleSpec {
  const key = `${make}\u0000${model}\u0000${powertrain}`;
  let spec = cache.get(key);
  if (!spec) {
    const found = findMake(make)?.models.find((m) => m.model === model)?.energy[powertrain];
    const e = found ?? DEFAULTS[powertrain];
    spec = {
      batteryKwh: e.batteryKwh ?? 0,
      maxAcKw: e.maxAcKw ?? 0,
      maxDcKw: e.maxDcKw ?? 0,
      kwhPer100Km: e.kwhPer100Km ?? 0,
      tankLiters: e.tankLiters ?? 0,
      litersPer100Km: e.litersPer100Km ?? 0,
    };
    cache.set(key, spec);
  }
  return spec;
}

/** Whether the powertrain has a traction battery a charger can fill. */
export const isPlugIn = (p: PowertrainType) => p === 'BEV' || p === 'PHEV';
/** Whether the powertrain burns fuel. */
export const hasTank = (p: PowertrainType) => p !== 'BEV';
