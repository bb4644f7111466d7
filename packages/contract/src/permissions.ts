import { z } from 'zod';

/** Read permissions of reference §3.4, with the words Connect shows the user. */
export const READ_PERMISSIONS = {
  read_alerts: 'Receive alerts from your vehicle',
  read_battery: 'Read the state of charge and range of the high-voltage battery',
  read_charge: 'Know whether your vehicle is charging and how',
  read_charge_events: 'Know when charging starts and stops',
  read_charge_locations: 'Know where your vehicle charges',
  read_charge_records: 'Read the history of charging sessions',
  read_climate: 'Read the cabin climate settings',
  read_compass: 'Know the direction your vehicle faces',
  read_diagnostics: 'Read diagnostic and warning-light status',
  read_engine_oil: 'Read the remaining engine oil life',
  read_extended_vehicle_info: 'Read the vehicle configuration and software version',
  read_fuel: 'Read the fuel level and fuel range',
  read_location: 'Access the location of your vehicle',
  read_odometer: 'Read the total distance travelled',
  read_security: 'Know whether doors, windows and trunks are locked or open',
  read_service_history: 'Read the dealer service records',
  read_speedometer: 'Read the current speed',
  read_thermometer: 'Read the inside and outside temperatures',
  read_tires: 'Read the tyre pressures',
  read_user_profile: 'Read your role and rights on the vehicle account',
  read_vehicle_info: 'Know the make, model and year of your vehicle',
  read_vin: 'Read the vehicle identification number (VIN)',
} as const;

/** Control permissions of reference §3.4 (`control_ignition` seen on live connections). */
export const CONTROL_PERMISSIONS = {
  control_charge: 'Start and stop charging and set the charge limit',
  control_climate: 'Change the cabin climate settings',
  control_ignition: 'Start and stop the ignition',
  control_navigation: 'Send destinations to the navigation system',
  control_pin: 'Manage the PIN to drive',
  control_security: 'Lock and unlock your vehicle',
  control_trunk: 'Open and close the trunk',
} as const;

export const PERMISSION_DESCRIPTIONS = { ...READ_PERMISSIONS, ...CONTROL_PERMISSIONS } as const;

export type Permission = keyof typeof PERMISSION_DESCRIPTIONS;

export const PERMISSIONS = Object.keys(PERMISSION_DESCRIPTIONS) as Permission[];

export const permissionSchema = z.enum(PERMISSIONS as [Permission, ...Permission[]]);

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSION_DESCRIPTIONS, value);
}

/** One entry of a Connect `scope`: a permission, and whether the user may untick it. */
export interface ScopeEntry {
  permission: Permission;
  required: boolean;
}

/** The prefix that marks a permission mandatory on the Connect grant screen. */
export const REQUIRED_PREFIX = 'required:';

export type ScopeParseResult = { ok: true; entries: ScopeEntry[] } | { ok: false; unknown: string[] };

/**
 * Parses a space-separated Connect scope (`read_battery required:read_charge`).
 * Duplicates collapse; a permission listed both ways counts as required.
 */
export function parseScope(scope: string): ScopeParseResult {
  const byName = new Map<Permission, boolean>();
  const unknown: string[] = [];
  for (const token of scope.split(/\s+/).filter(Boolean)) {
    const required = token.startsWith(REQUIRED_PREFIX);
    const name = required ? token.slice(REQUIRED_PREFIX.length) : token;
    if (!isPermission(name)) {
      unknown.push(token);
      continue;
    }
    byName.set(name, (byName.get(name) ?? false) || required);
  }
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, entries: [...byName].map(([permission, required]) => ({ permission, required })) };
}

/** Formats scope entries back into Connect's `scope` parameter. */
export function formatScope(entries: readonly (Permission | ScopeEntry)[]): string {
  return entries
    .map((e) => (typeof e === 'string' ? e : e.required ? `${REQUIRED_PREFIX}${e.permission}` : e.permission))
    .join(' ');
}
