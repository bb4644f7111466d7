import { z } from 'zod';
import type { Permission } from './permissions.js';
import type { PowertrainType } from './vehicles.js';

/** Signal groups, PascalCase as in responses (reference §3.4). */
export const SIGNAL_GROUPS = [
  'Charge',
  'Climate',
  'Closure',
  'ConnectivitySoftware',
  'ConnectivityStatus',
  'Diagnostics',
  'HVAC',
  'InternalCombustionEngine',
  'Location',
  'LowVoltageBattery',
  'Motion',
  'Odometer',
  'Service',
  'Surveillance',
  'TractionBattery',
  'Transmission',
  'VehicleIdentification',
  'VehicleUserAccount',
  'Wheel',
] as const;
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];

/**
 * A number with its unit. The first unit is the one the emulator emits in
 * metric; the others are the imperial counterpart and spellings met in
 * Smartcar's own examples (`min`, `watts`, `kilometers`), which clients accept.
 */
export const quantity = <const U extends readonly [string, ...string[]]>(...units: U) =>
  z.object({ value: z.number().nullable(), unit: z.enum(units) });

export const percent = quantity('percent');
export const flag = z.object({ value: z.boolean().nullable() });
export const text = z.object({ value: z.string().nullable() });
export const count = z.object({ value: z.number().nullable() });
export const kilometres = quantity('km', 'kilometers', 'miles');
export const celsius = quantity('celsius', 'fahrenheit');
/** An opening that may lock (trunks, tailgate). */
export const lockableOpening = z.object({ isOpen: z.boolean().nullable(), isLocked: z.boolean().nullable() });
export const opening = z.object({ isOpen: z.boolean().nullable() });

/** A grid of positions (doors, windows, tyres): row 0 is the front, column 0 the left. */
export const positions = <T extends z.ZodRawShape>(shape: T) =>
  z.object({
    values: z.array(z.object({ row: z.number().int(), column: z.number().int(), ...shape })),
    rowCount: z.number().int(),
    columnCount: z.number().int(),
  });

/** Plug-in vehicles: the ones with a traction battery a charger can fill. */
export const ELECTRIC: readonly PowertrainType[] = ['BEV', 'PHEV'];
/** Vehicles with a fuel tank and an engine. */
export const COMBUSTION: readonly PowertrainType[] = ['ICE', 'PHEV', 'HEV'];

/** One entry of the catalogue. */
export interface SignalDefinition<B extends z.ZodType = z.ZodType> {
  group: SignalGroup;
  /** PascalCase, as responses show it. */
  name: string;
  /** The permission that grants reading it. */
  permission: Permission;
  /** Other permissions that also grant it (e.g. `control_charge` for the charge limits). */
  alsoGrantedBy?: readonly Permission[];
  /** Schema of `attributes.body`, metric or imperial. */
  body: B;
  /** Powertrains that can report the signal; absent means all. */
  powertrains?: readonly PowertrainType[];
}

/** Identity function that keeps each entry's body type precise. */
export const define = <B extends z.ZodType>(d: SignalDefinition<B>) => d;
