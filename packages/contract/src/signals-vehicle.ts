import { z } from 'zod';
import type { Permission } from './permissions.js';
import type { SignalGroup } from './signals-shapes.js';
import { define, flag, kilometres, quantity, text } from './signals-shapes.js';

const info = <B extends z.ZodType>(
  group: SignalGroup,
  name: string,
  body: B,
  permission: Permission = 'read_vehicle_info',
) => define({ group, name, permission, body });

const serviceRecord = z.object({
  id: z.string().optional(),
  serviceDate: z.union([z.string(), z.number()]).nullable().optional(),
  odometerDistance: z.number().nullable().optional(),
  description: z.string().nullable().optional(),
  serviceTasks: z
    .array(z.object({ code: z.string().nullable().optional(), description: z.string() }))
    .optional(),
});

/** Location, motion, identity, connectivity, service and account signals (reference §3.4). */
export const VEHICLE_SIGNALS = {
  'location-preciselocation': info(
    'Location',
    'PreciseLocation',
    z.object({
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      heading: z.number().nullable(),
      direction: z.enum(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']).nullable(),
      locationType: z.enum(['CURRENT', 'LAST_PARKED']),
    }),
    'read_location',
  ),
  'location-isathome': info('Location', 'IsAtHome', flag, 'read_location'),
  'odometer-traveleddistance': info('Odometer', 'TraveledDistance', kilometres, 'read_odometer'),
  'motion-currentspeed': info('Motion', 'CurrentSpeed', quantity('kph', 'mph'), 'read_speedometer'),
  /** `P`, `R`, `N` or `D`. */
  'transmission-gearstate': info('Transmission', 'GearState', text),
  'transmission-drivemode': info('Transmission', 'DriveMode', text),
  'vehicleidentification-vin': info('VehicleIdentification', 'VIN', text, 'read_vin'),
  'vehicleidentification-nickname': info('VehicleIdentification', 'Nickname', text),
  'vehicleidentification-trim': info('VehicleIdentification', 'Trim', text),
  'vehicleidentification-exteriorcolor': info('VehicleIdentification', 'ExteriorColor', text),
  'vehicleidentification-packages': info(
    'VehicleIdentification',
    'Packages',
    z.object({ values: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])) }),
  ),
  'connectivitystatus-isonline': info('ConnectivityStatus', 'IsOnline', flag),
  'connectivitystatus-isasleep': info('ConnectivityStatus', 'IsAsleep', flag),
  'connectivitystatus-isdigitalkeypaired': info('ConnectivityStatus', 'IsDigitalKeyPaired', flag),
  'connectivitysoftware-currentfirmwareversion': info(
    'ConnectivitySoftware',
    'CurrentFirmwareVersion',
    text,
    'read_extended_vehicle_info',
  ),
  'service-isinservice': info('Service', 'IsInService', flag, 'read_service_history'),
  'service-records': info(
    'Service',
    'Records',
    z.object({ values: z.array(serviceRecord) }),
    'read_service_history',
  ),
  'surveillance-isenabled': info('Surveillance', 'IsEnabled', flag, 'read_security'),
  'surveillance-brand': info('Surveillance', 'Brand', text, 'read_security'),
  /** e.g. `OWNER`, `DRIVER`. */
  'vehicleuseraccount-role': info('VehicleUserAccount', 'Role', text, 'read_user_profile'),
  'vehicleuseraccount-permissions': info(
    'VehicleUserAccount',
    'Permissions',
    z.object({ values: z.array(z.string()) }),
    'read_user_profile',
  ),
} as const;
