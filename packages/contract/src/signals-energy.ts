import { z } from 'zod';
import {
  COMBUSTION,
  count,
  define,
  ELECTRIC,
  flag,
  kilometres,
  percent,
  quantity,
  text,
} from './signals-shapes.js';

const battery = <B extends z.ZodType>(name: string, body: B) =>
  define({ group: 'TractionBattery', name, permission: 'read_battery', body, powertrains: ELECTRIC });
const engine = <B extends z.ZodType>(
  name: string,
  body: B,
  permission: 'read_fuel' | 'read_engine_oil' = 'read_fuel',
) => define({ group: 'InternalCombustionEngine', name, permission, body, powertrains: COMBUSTION });

const RANGE_TYPES = ['DEFAULT', 'IDEAL_CONDITIONS', 'ESTIMATED', 'RATED'] as const;

/** Traction battery, engine and fuel, 12 V battery (reference §3.4). */
export const ENERGY_SIGNALS = {
  'tractionbattery-stateofcharge': battery('StateOfCharge', percent),
  'tractionbattery-range': battery(
    'Range',
    z.object({
      value: z.number().nullable(),
      unit: z.enum(['km', 'kilometers', 'miles']),
      type: z.enum(RANGE_TYPES).optional(),
      additionalValues: z
        .array(z.object({ type: z.enum(RANGE_TYPES), value: z.number().nullable(), unit: z.string() }))
        .optional(),
    }),
  ),
  'tractionbattery-nominalcapacity': battery(
    'NominalCapacity',
    z.object({
      capacity: z.number().nullable(),
      unit: z.literal('kWh'),
      source: z.enum(['SMARTCAR', 'USER_SELECTED']).optional(),
      availableCapacities: z
        .array(z.object({ capacity: z.number(), description: z.string().nullable() }))
        .optional(),
    }),
  ),
  'tractionbattery-isheateractive': battery('IsHeaterActive', flag),
  'tractionbattery-maxrangechargecounter': battery('MaxRangeChargeCounter', count),
  'tractionbattery-estimatedrange': battery('EstimatedRange', kilometres),
  'tractionbattery-idealrange': battery('IdealRange', kilometres),
  'tractionbattery-ratedrange': battery('RatedRange', kilometres),
  'internalcombustionengine-fuellevel': engine('FuelLevel', percent),
  'internalcombustionengine-amountremaining': engine('AmountRemaining', quantity('liters', 'gallons')),
  'internalcombustionengine-range': engine('Range', quantity('kilometers', 'km', 'miles')),
  'internalcombustionengine-oillife': engine('OilLife', percent, 'read_engine_oil'),
  'lowvoltagebattery-stateofcharge': define({
    group: 'LowVoltageBattery',
    name: 'StateOfCharge',
    permission: 'read_battery',
    body: percent,
  }),
  /** e.g. `OK`, `LOW`. */
  'lowvoltagebattery-status': define({
    group: 'LowVoltageBattery',
    name: 'Status',
    permission: 'read_battery',
    body: text,
  }),
} as const;
