import type { z } from 'zod';
import type { Permission } from './permissions.js';
import { CABIN_SIGNALS } from './signals-cabin.js';
import { CHARGE_SIGNALS } from './signals-charge.js';
import { DIAGNOSTIC_SIGNALS } from './signals-diagnostics.js';
import { ENERGY_SIGNALS } from './signals-energy.js';
import type { SignalDefinition } from './signals-shapes.js';
import { VEHICLE_SIGNALS } from './signals-vehicle.js';
import type { PowertrainType } from './vehicles.js';

export * from './signals-resource.js';
export { SIGNAL_GROUPS, type SignalDefinition, type SignalGroup } from './signals-shapes.js';
export * from './signals-units.js';

/**
 * The signal catalogue of reference §3.4, keyed by code (`<group>-<name>`
 * lower case): group, PascalCase name, the permission that reads it, the
 * body schema and the powertrains that can report it (absent: all). Body
 * schemas accept the metric units the emulator emits by default, their
 * imperial counterparts (`sc-unit-system: imperial`) and the spellings met
 * in Smartcar's own examples.
 */
export const SIGNALS = {
  ...ENERGY_SIGNALS,
  ...CHARGE_SIGNALS,
  ...CABIN_SIGNALS,
  ...VEHICLE_SIGNALS,
  ...DIAGNOSTIC_SIGNALS,
} as const;

export type SignalCode = keyof typeof SIGNALS;
/** Every code of the catalogue, in catalogue order. */
export const SIGNAL_CODES = Object.keys(SIGNALS) as SignalCode[];

/** The typed body of a signal code. */
export type SignalBody<C extends SignalCode> = z.infer<(typeof SIGNALS)[C]['body']>;

export function isSignalCode(value: string): value is SignalCode {
  return Object.hasOwn(SIGNALS, value);
}

/** Builds a signal code from its group and name, as Smartcar does. */
export function signalCode(group: string, name: string): string {
  return `${group}-${name}`.toLowerCase();
}

/** The catalogue entry of a code, untyped body; undefined for an unknown code. */
export function signalDefinition(code: string): SignalDefinition | undefined {
  return isSignalCode(code) ? SIGNALS[code] : undefined;
}

/** Whether a vehicle of this powertrain can report the signal. */
export function signalFitsPowertrain(code: SignalCode, powertrain: PowertrainType): boolean {
  const { powertrains } = SIGNALS[code] as SignalDefinition;
  return powertrains === undefined || powertrains.includes(powertrain);
}

/** Whether a connection holding these permissions may read the signal. */
export function canReadSignal(code: SignalCode, permissions: readonly string[]): boolean {
  const d = SIGNALS[code] as SignalDefinition;
  return (
    permissions.includes(d.permission) ||
    (d.alsoGrantedBy ?? []).some((p: Permission) => permissions.includes(p))
  );
}
