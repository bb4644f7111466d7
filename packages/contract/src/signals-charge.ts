import { z } from 'zod';
import { count, define, ELECTRIC, flag, quantity, text } from './signals-shapes.js';

const charge = <B extends z.ZodType>(
  name: string,
  body: B,
  permission: 'read_charge' | 'read_charge_records' = 'read_charge',
) => define({ group: 'Charge', name, permission, body, powertrains: ELECTRIC });

const location = z.object({
  name: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  latitude: z.number().nullable().optional(),
  longitude: z.number().nullable().optional(),
  connectorType: z.string().nullable().optional(),
});

/** A charge timer (shape from the catalogue; fields the OEM lacks are absent). */
const chargeTimer = z.object({
  type: z.string(),
  condition: location.nullable().optional(),
  schedules: z.array(z.object({ start: z.string(), end: z.string(), days: z.array(z.string()) })).optional(),
  departureTimers: z.array(z.object({ days: z.array(z.string()), time: z.string() })).optional(),
  isOEMOptimizationEnabled: z.boolean().nullable().optional(),
  scheduleType: z.enum(['DAILY', 'WEEKLY', 'WORKWEEK']).optional(),
  scheduleId: z.string().optional(),
});

/**
 * A past charging session. Field types are not documented; the emulator
 * emits ISO times, `energyAdded` in kWh and states of charge in percent.
 */
const chargeRecord = z.object({
  id: z.string(),
  cost: z.object({ value: z.number().nullable(), currency: z.string().nullable() }).nullable().optional(),
  startTime: z.union([z.string(), z.number()]),
  endTime: z.union([z.string(), z.number()]).nullable(),
  location: location.nullable().optional(),
  energyAdded: z.number().nullable(),
  chargingType: z.string().nullable().optional(),
  isPublicCharger: z.boolean().nullable().optional(),
  startStateOfCharge: z.number().nullable().optional(),
  endStateOfCharge: z.number().nullable().optional(),
});

/** The Charge group (reference §3.4): plug-in vehicles only. */
export const CHARGE_SIGNALS = {
  'charge-ischarging': charge('IsCharging', flag),
  'charge-ischargingcableconnected': charge('IsChargingCableConnected', flag),
  'charge-ischargingcablelatched': charge('IsChargingCableLatched', flag),
  'charge-ischargingportflapopen': charge('IsChargingPortFlapOpen', flag),
  'charge-isfastchargerpresent': charge('IsFastChargerPresent', flag),
  /** `CHARGING`, `NOT_CHARGING` or `FULLY_CHARGED`. */
  'charge-detailedchargingstatus': charge('DetailedChargingStatus', text),
  'charge-chargelimits': define({
    group: 'Charge',
    name: 'ChargeLimits',
    permission: 'read_charge',
    alsoGrantedBy: ['control_charge'],
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
  'charge-timetocomplete': charge('TimeToComplete', quantity('minute', 'min')),
  'charge-amperage': charge('Amperage', quantity('ampere')),
  'charge-amperagemax': charge('AmperageMax', quantity('ampere')),
  'charge-amperagerequested': charge('AmperageRequested', quantity('ampere')),
  'charge-voltage': charge('Voltage', quantity('volts', 'volt')),
  'charge-wattage': charge('Wattage', quantity('watt', 'watts')),
  'charge-energyadded': charge('EnergyAdded', quantity('kWh')),
  'charge-chargerphases': charge('ChargerPhases', count),
  'charge-chargingconnectortype': charge('ChargingConnectorType', text),
  'charge-fastchargertype': charge('FastChargerType', text),
  'charge-chargeportstatuscolor': charge('ChargePortStatusColor', text),
  'charge-chargetimers': charge('ChargeTimers', z.object({ values: z.array(chargeTimer) })),
  'charge-chargerecords': charge(
    'ChargeRecords',
    z.object({ values: z.array(chargeRecord) }),
    'read_charge_records',
  ),
} as const;
