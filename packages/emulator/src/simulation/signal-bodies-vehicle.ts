import type { SignalBody, SignalCode } from '@paddock/contract';
import { compassOf, distanceKm } from './geo.js';
import type { SignalContext } from './signal-context.js';
import { pickTrait, round, trait } from './traits.js';
import { OPENING } from './vehicle-anchor.js';
import { CABIN_TARGET_C } from './weather.js';

type VehicleCode = Exclude<
  SignalCode,
  | `tractionbattery-${string}`
  | `charge-${string}`
  | `internalcombustionengine-${string}`
  | `lowvoltagebattery-${string}`
  | `diagnostics-${string}`
>;

/** Front left, front right, rear left, rear right as (row, column). */
const CORNERS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;
const isOpen = (c: SignalContext, bit: number) => (c.anchor.openings & bit) !== 0;
const lockable = (c: SignalContext, bit: number) => ({
  isOpen: isOpen(c, bit),
  isLocked: c.anchor.locked && !isOpen(c, bit),
});
const driving = (c: SignalContext) => c.state.activity === 'DRIVING';

const TRIMS = ['Base', 'Select', 'Premium', 'Limited', 'Sport'] as const;
const COLOURS = ['White', 'Black', 'Silver', 'Grey', 'Blue', 'Red'] as const;
const WHEELS = ['18" Aero', '19" Sport', '20" Performance', '17" Standard'] as const;
const PACKAGES = ['Cold Weather', 'Driver Assistance', 'Premium Audio', 'Tow'] as const;

/** Bodies of the cabin, closure, wheel, location, identity and account signals, metric. */
export const VEHICLE_BODIES: { [C in VehicleCode]: (ctx: SignalContext) => SignalBody<C> } = {
  'climate-externaltemperature': (c) => ({ value: round(c.state.outsideC, 1), unit: 'celsius' }),
  'climate-internaltemperature': (c) => ({ value: round(c.state.cabinC, 1), unit: 'celsius' }),
  'hvac-cabintargettemperature': () => ({ value: CABIN_TARGET_C, unit: 'celsius' }),
  'hvac-iscabinhvacactive': (c) => ({ value: driving(c) }),
  'hvac-isfrontdefrosteractive': (c) => ({ value: driving(c) && c.state.outsideC < 0 }),
  'hvac-isreardefrosteractive': (c) => ({ value: driving(c) && c.state.outsideC < 0 }),
  'hvac-issteeringheateractive': (c) => ({
    value: driving(c) && c.state.outsideC < 5 && trait(c.anchor.traits, 3, 2) === 1,
  }),
  'closure-islocked': (c) => ({ value: c.state.locked }),
  'closure-doors': (c) => ({
    values: CORNERS.map(([row, column], i) => ({ row, column, ...lockable(c, OPENING.door(i)) })),
    rowCount: 2,
    columnCount: 2,
  }),
  'closure-windows': (c) => ({
    values: CORNERS.map(([row, column], i) => ({ row, column, isOpen: isOpen(c, OPENING.window(i)) })),
    rowCount: 2,
    columnCount: 2,
  }),
  'closure-fronttrunk': (c) => lockable(c, OPENING.frontTrunk),
  'closure-reartrunk': (c) => lockable(c, OPENING.rearTrunk),
  'closure-tailgate': (c) => lockable(c, OPENING.tailgate),
  'closure-sunroof': (c) => ({ isOpen: isOpen(c, OPENING.sunroof) }),
  'closure-enginecover': (c) => ({ isOpen: isOpen(c, OPENING.engineCover) }),
  'wheel-tires': (c) => ({
    values: CORNERS.map(([row, column], i) => ({ row, column, tirePressure: c.anchor.tires[i]! })),
    rowCount: 2,
    columnCount: 2,
    unit: 'kPa',
  }),
  'wheel-style': (c) => ({ value: pickTrait(c.anchor.traits, 4, WHEELS) }),
  'location-preciselocation': (c) => ({
    latitude: round(c.state.latitude, 6),
    longitude: round(c.state.longitude, 6),
    heading: round(c.state.headingDeg, 1),
    direction: compassOf(c.state.headingDeg),
    locationType: c.state.asleep ? 'LAST_PARKED' : 'CURRENT',
  }),
  'location-isathome': (c) => ({
    value:
      distanceKm(
        { latitude: c.anchor.homeLat, longitude: c.anchor.homeLon },
        { latitude: c.state.latitude, longitude: c.state.longitude },
      ) < 0.2,
  }),
  'odometer-traveleddistance': (c) => ({ value: round(c.state.odometerKm, 1), unit: 'km' }),
  'motion-currentspeed': (c) => ({ value: round(c.state.speedKph, 1), unit: 'kph' }),
  'transmission-gearstate': (c) => ({ value: driving(c) ? 'D' : 'P' }),
  'transmission-drivemode': (c) => ({
    value: pickTrait(c.anchor.traits, 5, ['NORMAL', 'NORMAL', 'ECO', 'SPORT']),
  }),
  'vehicleidentification-vin': (c) => ({ value: c.vehicle.vin }),
  'vehicleidentification-nickname': (c) => ({ value: c.anchor.nickname }),
  'vehicleidentification-trim': (c) => ({ value: pickTrait(c.anchor.traits, 6, TRIMS) }),
  'vehicleidentification-exteriorcolor': (c) => ({ value: pickTrait(c.anchor.traits, 7, COLOURS) }),
  'vehicleidentification-packages': (c) => ({
    values: PACKAGES.filter((_, i) => trait(c.anchor.traits, 8 + i, 2) === 1),
  }),
  'connectivitystatus-isonline': (c) => ({ value: c.state.online }),
  'connectivitystatus-isasleep': (c) => ({ value: c.state.asleep }),
  'connectivitystatus-isdigitalkeypaired': (c) => ({ value: trait(c.anchor.traits, 12, 3) !== 0 }),
  'connectivitysoftware-currentfirmwareversion': (c) => ({
    value: `${Math.max(c.vehicle.year, 2024)}.${1 + trait(c.anchor.traits, 13, 48)}.${trait(c.anchor.traits, 14, 10)}`,
  }),
  'service-isinservice': () => ({ value: false }),
  'service-records': (c) => ({
    values: [
      {
        id: `svc-${(c.anchor.traits >>> 0).toString(16)}`,
        serviceDate: `${c.vehicle.year + 1}-0${1 + trait(c.anchor.traits, 15, 9)}-15T09:00:00.000Z`,
        odometerDistance: 5_000 + trait(c.anchor.traits, 16, 20_000),
        description: 'Scheduled maintenance',
        serviceTasks: [{ code: null, description: 'Tire rotation' }],
      },
    ],
  }),
  'surveillance-isenabled': (c) => ({ value: trait(c.anchor.traits, 17, 2) === 1 }),
  'surveillance-brand': (c) => ({ value: c.vehicle.make === 'TESLA' ? 'Sentry Mode' : null }),
  'vehicleuseraccount-role': () => ({ value: 'OWNER' }),
  'vehicleuseraccount-permissions': () => ({
    values: ['vehicle_cmds', 'vehicle_charging_cmds', 'vehicle_location'],
  }),
};
