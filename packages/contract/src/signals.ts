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

const valueWithUnit = <U extends string>(unit: U) =>
  z.object({ value: z.number().nullable(), unit: z.literal(unit) });
const percent = valueWithUnit('percent');
const flag = z.object({ value: z.boolean().nullable() });
const text = z.object({ value: z.string().nullable() });
const positions = <T extends z.ZodRawShape>(shape: T) =>
  z.object({
    values: z.array(z.object({ row: z.number().int(), column: z.number().int(), ...shape })),
    rowCount: z.number().int(),
    columnCount: z.number().int(),
  });

const ELECTRIC: readonly PowertrainType[] = ['BEV', 'PHEV'];
const COMBUSTION: readonly PowertrainType[] = ['ICE', 'PHEV', 'HEV'];

interface SignalDefinition<B extends z.ZodType = z.ZodType> {
  group: SignalGroup;
  name: string;
  permission: Permission;
  body: B;
  /** Powertrains that can report the signal; absent means all. */
  powertrains?: readonly PowertrainType[];
}

const define = <B extends z.ZodType>(d: SignalDefinition<B>) => d;

/**
 * The signal catalogue, keyed by code (`<group>-<name>` lower case). This is
 * the start of it: the signals the first pages and simulations use. Units are
 * the metric ones; `sc-unit-system: imperial` converts them.
 */
export const SIGNALS = {
  'tractionbattery-stateofcharge': define({
    group: 'TractionBattery',
    name: 'StateOfCharge',
    permission: 'read_battery',
    body: percent,
    powertrains: ELECTRIC,
  }),
  'tractionbattery-range': define({
    group: 'TractionBattery',
    name: 'Range',
    permission: 'read_battery',
    body: z.object({
      value: z.number().nullable(),
      unit: z.literal('km'),
      type: z.string().optional(),
      additionalValues: z
        .array(z.object({ type: z.string(), value: z.number().nullable(), unit: z.string() }))
        .optional(),
    }),
    powertrains: ELECTRIC,
  }),
  'tractionbattery-nominalcapacity': define({
    group: 'TractionBattery',
    name: 'NominalCapacity',
    permission: 'read_battery',
    body: z.object({
      capacity: z.number().nullable(),
      unit: z.literal('kWh'),
      source: z.enum(['SMARTCAR', 'USER_SELECTED']).optional(),
      availableCapacities: z
        .array(z.object({ capacity: z.number(), description: z.string().nullable() }))
        .optional(),
    }),
    powertrains: ELECTRIC,
  }),
  'charge-ischarging': define({
    group: 'Charge',
    name: 'IsCharging',
    permission: 'read_charge',
    body: flag,
    powertrains: ELECTRIC,
  }),
  'charge-ischargingcableconnected': define({
    group: 'Charge',
    name: 'IsChargingCableConnected',
    permission: 'read_charge',
    body: flag,
    powertrains: ELECTRIC,
  }),
  'charge-detailedchargingstatus': define({
    group: 'Charge',
    name: 'DetailedChargingStatus',
    permission: 'read_charge',
    body: text,
    powertrains: ELECTRIC,
  }),
  'charge-chargelimits': define({
    group: 'Charge',
    name: 'ChargeLimits',
    permission: 'read_charge',
    body: z.object({
      values: z.array(
        z.object({
          type: z.enum(['GLOBAL', 'LOCATION', 'CHARGING_TYPE']),
          limit: z.number(),
          condition: z.unknown().optional(),
        }),
      ),
      activeLimit: z.number().nullable(),
      unit: z.literal('percent'),
    }),
    powertrains: ELECTRIC,
  }),
  'charge-timetocomplete': define({
    group: 'Charge',
    name: 'TimeToComplete',
    permission: 'read_charge',
    body: valueWithUnit('minute'),
    powertrains: ELECTRIC,
  }),
  'charge-wattage': define({
    group: 'Charge',
    name: 'Wattage',
    permission: 'read_charge',
    body: valueWithUnit('watt'),
    powertrains: ELECTRIC,
  }),
  'charge-energyadded': define({
    group: 'Charge',
    name: 'EnergyAdded',
    permission: 'read_charge',
    body: valueWithUnit('kWh'),
    powertrains: ELECTRIC,
  }),
  'internalcombustionengine-fuellevel': define({
    group: 'InternalCombustionEngine',
    name: 'FuelLevel',
    permission: 'read_fuel',
    body: percent,
    powertrains: COMBUSTION,
  }),
  'internalcombustionengine-range': define({
    group: 'InternalCombustionEngine',
    name: 'Range',
    permission: 'read_fuel',
    body: valueWithUnit('kilometers'),
    powertrains: COMBUSTION,
  }),
  'odometer-traveleddistance': define({
    group: 'Odometer',
    name: 'TraveledDistance',
    permission: 'read_odometer',
    body: valueWithUnit('km'),
  }),
  'location-preciselocation': define({
    group: 'Location',
    name: 'PreciseLocation',
    permission: 'read_location',
    body: z.object({
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      heading: z.number().nullable(),
      direction: z.enum(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']).nullable(),
      locationType: z.enum(['CURRENT', 'LAST_PARKED']),
    }),
  }),
  'closure-islocked': define({ group: 'Closure', name: 'IsLocked', permission: 'read_security', body: flag }),
  'closure-doors': define({
    group: 'Closure',
    name: 'Doors',
    permission: 'read_security',
    body: positions({ isOpen: z.boolean().nullable(), isLocked: z.boolean().nullable() }),
  }),
  'wheel-tires': define({
    group: 'Wheel',
    name: 'Tires',
    permission: 'read_tires',
    body: positions({ tirePressure: z.number().nullable() }),
  }),
  'climate-externaltemperature': define({
    group: 'Climate',
    name: 'ExternalTemperature',
    permission: 'read_thermometer',
    body: valueWithUnit('celsius'),
  }),
  'motion-currentspeed': define({
    group: 'Motion',
    name: 'CurrentSpeed',
    permission: 'read_speedometer',
    body: valueWithUnit('kph'),
  }),
  'vehicleidentification-vin': define({
    group: 'VehicleIdentification',
    name: 'VIN',
    permission: 'read_vin',
    body: text,
  }),
  'vehicleidentification-nickname': define({
    group: 'VehicleIdentification',
    name: 'Nickname',
    permission: 'read_vehicle_info',
    body: text,
  }),
  'connectivitystatus-isonline': define({
    group: 'ConnectivityStatus',
    name: 'IsOnline',
    permission: 'read_vehicle_info',
    body: flag,
  }),
  'connectivitystatus-isasleep': define({
    group: 'ConnectivityStatus',
    name: 'IsAsleep',
    permission: 'read_vehicle_info',
    body: flag,
  }),
} as const;

export type SignalCode = keyof typeof SIGNALS;
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

export * from './signals-resource.js';
