import { z } from 'zod';
import { celsius, define, flag, lockableOpening, opening, positions, text } from './signals-shapes.js';

const hvac = <B extends z.ZodType>(name: string, body: B) =>
  define({ group: 'HVAC', name, permission: 'read_climate', body });
const closure = <B extends z.ZodType>(name: string, body: B) =>
  define({ group: 'Closure', name, permission: 'read_security', body });

/** Climate, HVAC, closures and wheels (reference §3.4). */
export const CABIN_SIGNALS = {
  'climate-externaltemperature': define({
    group: 'Climate',
    name: 'ExternalTemperature',
    permission: 'read_thermometer',
    body: celsius,
  }),
  'climate-internaltemperature': define({
    group: 'Climate',
    name: 'InternalTemperature',
    permission: 'read_thermometer',
    alsoGrantedBy: ['read_climate'],
    body: celsius,
  }),
  'hvac-cabintargettemperature': hvac('CabinTargetTemperature', celsius),
  'hvac-iscabinhvacactive': hvac('IsCabinHVACActive', flag),
  'hvac-isfrontdefrosteractive': hvac('IsFrontDefrosterActive', flag),
  'hvac-isreardefrosteractive': hvac('IsRearDefrosterActive', flag),
  'hvac-issteeringheateractive': hvac('IsSteeringHeaterActive', flag),
  'closure-islocked': closure('IsLocked', flag),
  'closure-doors': closure(
    'Doors',
    positions({ isOpen: z.boolean().nullable(), isLocked: z.boolean().nullable() }),
  ),
  'closure-windows': closure('Windows', positions({ isOpen: z.boolean().nullable() })),
  'closure-fronttrunk': define({
    group: 'Closure',
    name: 'FrontTrunk',
    permission: 'read_security',
    body: lockableOpening,
    powertrains: ['BEV'],
  }),
  'closure-reartrunk': closure('RearTrunk', lockableOpening),
  'closure-tailgate': closure('Tailgate', lockableOpening),
  'closure-sunroof': closure('Sunroof', opening),
  'closure-enginecover': closure('EngineCover', opening),
  /**
   * Tyre pressures. The reference does not confirm a unit field; the
   * emulator adds `unit` (`kPa`, or `psi` in imperial) so readers need not
   * remember which unit system they asked for.
   */
  'wheel-tires': define({
    group: 'Wheel',
    name: 'Tires',
    permission: 'read_tires',
    body: positions({ tirePressure: z.number().nullable() }).extend({
      unit: z.enum(['kPa', 'psi']).optional(),
    }),
  }),
  'wheel-style': define({ group: 'Wheel', name: 'Style', permission: 'read_vehicle_info', body: text }),
} as const;
