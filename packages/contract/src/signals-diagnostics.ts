import { z } from 'zod';
import { COMBUSTION, count, define, ELECTRIC } from './signals-shapes.js';
import type { PowertrainType } from './vehicles.js';

/**
 * A warning system's status. The reference marks the shape unconfirmed; the
 * emulator emits `status` `OK` or `ALERT` with a description.
 */
const systemStatus = z.object({
  status: z.string().nullable(),
  description: z.string().nullable().optional(),
});

const diagnostic = <B extends z.ZodType>(name: string, body: B, powertrains?: readonly PowertrainType[]) =>
  define({
    group: 'Diagnostics',
    name,
    permission: 'read_diagnostics',
    body,
    ...(powertrains ? { powertrains } : {}),
  });
const status = (name: string, powertrains?: readonly PowertrainType[]) =>
  diagnostic(name, systemStatus, powertrains);

/** Diagnostic trouble codes and warning systems (reference §3.4). */
export const DIAGNOSTIC_SIGNALS = {
  'diagnostics-abs': status('ABS'),
  'diagnostics-activesafety': status('ActiveSafety'),
  'diagnostics-airbag': status('Airbag'),
  'diagnostics-brakefluid': status('BrakeFluid'),
  'diagnostics-driverassistance': status('DriverAssistance'),
  'diagnostics-dtccount': diagnostic('DTCCount', count),
  'diagnostics-dtclist': diagnostic(
    'DTCList',
    z.object({
      values: z.array(
        z.object({ code: z.string(), timestamp: z.union([z.string(), z.number()]).nullable() }),
      ),
    }),
  ),
  'diagnostics-emissions': status('Emissions', COMBUSTION),
  'diagnostics-evbatteryconditioning': status('EVBatteryConditioning', ELECTRIC),
  'diagnostics-evcharging': status('EVCharging', ELECTRIC),
  'diagnostics-evdriveunit': status('EVDriveUnit', ELECTRIC),
  'diagnostics-evhvbattery': status('EVHVBattery', ELECTRIC),
  'diagnostics-lighting': status('Lighting'),
  'diagnostics-mil': status('MIL'),
  'diagnostics-oillife': status('OilLife', COMBUSTION),
  'diagnostics-oilpressure': status('OilPressure', COMBUSTION),
  'diagnostics-oiltemperature': status('OilTemperature', COMBUSTION),
  'diagnostics-telematics': status('Telematics'),
  'diagnostics-tirepressure': status('TirePressure'),
  'diagnostics-tirepressuremonitoring': status('TirePressureMonitoring'),
  'diagnostics-transmission': status('Transmission'),
  'diagnostics-washerfluid': status('WasherFluid'),
  'diagnostics-waterinfuel': status('WaterInFuel', COMBUSTION),
} as const;
