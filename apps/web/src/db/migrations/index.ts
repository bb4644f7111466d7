import type { Migration } from 'kysely';
import * as initial from './2026-11-28T0000-initial.js';
import * as accounts from './2026-12-01T0000-accounts.js';
import * as vehicleData from './2026-12-01T0100-vehicle-data.js';
import * as dashboard from './2026-12-02T0000-dashboard.js';
import * as signInAttempts from './2026-12-03T0000-sign-in-attempts.js';
import * as refreshClaims from './2026-12-03T0100-refresh-claims.js';
import * as retention from './2026-12-03T0200-retention.js';
import * as signalVersions from './2026-12-04T0000-signal-versions.js';
import * as vehicleErrors from './2026-12-05T0000-vehicle-errors.js';

/**
 * Every migration, keyed by its timestamped name. Kysely runs them in key order.
 * An imported map (not a folder scan) so the compiled `dist/` needs no file lookups.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-28T0000-initial': initial,
  '2026-12-01T0000-accounts': accounts,
  '2026-12-01T0100-vehicle-data': vehicleData,
  '2026-12-02T0000-dashboard': dashboard,
  '2026-12-03T0000-sign-in-attempts': signInAttempts,
  '2026-12-03T0100-refresh-claims': refreshClaims,
  '2026-12-03T0200-retention': retention,
  '2026-12-04T0000-signal-versions': signalVersions,
  '2026-12-05T0000-vehicle-errors': vehicleErrors,
};
