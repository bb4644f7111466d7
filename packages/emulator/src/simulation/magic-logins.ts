import type { PowertrainType } from '@paddock/contract';

/** Fixed VIN of `smartcar@successful-request.com` (reference §1.5). */
export const SUCCESSFUL_REQUEST_VIN = '0SCAUDI037A5ADB1C';
const MAX_MAGIC_VEHICLES = 999;

/**
 * What a login email asks the emulator for (reference §1.5 and §10).
 * - `count`: an account with that many generated vehicles;
 * - `single`: one vehicle, with a fixed VIN and/or powertrain, possibly incompatible;
 * - `invalid_subscription`: Connect fails right after login;
 * - `ordinary`: any other email, 1 to 3 generated vehicles.
 */
export type MagicLogin =
  | { kind: 'count'; count: number }
  | {
      kind: 'single';
      vin?: string;
      powertrain?: PowertrainType;
      incompatible: boolean;
      preferredMake?: string;
    }
  | { kind: 'invalid_subscription' }
  | { kind: 'ordinary' };

const POWERTRAIN_DOMAINS: Record<string, PowertrainType | undefined> = {
  'bev.smartcar.com': 'BEV',
  'phev.smartcar.com': 'PHEV',
  'fuel.smartcar.com': 'ICE',
  'compatible.smartcar.com': undefined,
  'incompatible.smartcar.com': undefined,
};

/** Trims and lower-cases an email, the form every derivation keys on. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Classifies a (normalised) login email. */
export function parseMagicLogin(email: string): MagicLogin {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);

  if (email === 'smartcar@invalid-subscription.com') return { kind: 'invalid_subscription' };
  if (email === 'smartcar@vehicle-incompatible.com') return { kind: 'single', incompatible: true };
  if (email === 'smartcar@successful-request.com') {
    return { kind: 'single', vin: SUCCESSFUL_REQUEST_VIN, incompatible: false, preferredMake: 'AUDI' };
  }
  // A `+tag` (sub-addressing) keeps the magic but makes a distinct account:
  // `999-vehicles+a@smartcar.com` and `999-vehicles+b@…` are two users.
  const count = /^(\d{1,3})-vehicles(\+[^@]*)?$/.exec(local);
  if (domain === 'smartcar.com' && count) {
    const n = Number(count[1]);
    if (n >= 1 && n <= MAX_MAGIC_VEHICLES) return { kind: 'count', count: n };
  }
  if (Object.hasOwn(POWERTRAIN_DOMAINS, domain)) {
    // A local part that is not a VIN still gets the forced powertrain, with a generated VIN.
    const vin = /^[a-z0-9]{17}$/.test(local) ? local.toUpperCase() : undefined;
    return {
      kind: 'single',
      vin,
      powertrain: POWERTRAIN_DOMAINS[domain],
      incompatible: domain === 'incompatible.smartcar.com',
    };
  }
  return { kind: 'ordinary' };
}
