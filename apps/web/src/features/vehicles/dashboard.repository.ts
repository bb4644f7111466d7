import { precompiled } from '../../db/precompiled.js';
import { SUMMARY_CODES } from './views/vehicle-summary.js';

/**
 * The dashboard's two reads, run by every view of `/vehicle` and so
 * compiled once (see `precompiled`): the account's vehicles with when their
 * signals were last read, and the values their cards show.
 */

/**
 * The account's connected vehicles, oldest connection first, each with when
 * its signals were last read in full (`read_at`, epoch ms; null if never)
 * and the version of its latest values (`values_version`; null if none).
 */
export const listDashboardVehicles = precompiled((db, accountId: string) =>
  db
    .selectFrom('vehicles')
    .leftJoin('signal_reads', 'signal_reads.vehicle_id', 'vehicles.vehicle_id')
    .leftJoin('signal_versions', 'signal_versions.vehicle_id', 'vehicles.vehicle_id')
    // What the page shows of each: fewer columns, fewer values for SQLite to hand over.
    .select([
      'vehicles.vehicle_id',
      'vehicles.smartcar_user_id',
      'vehicles.make',
      'vehicles.model',
      'vehicles.year',
      'vehicles.powertrain',
      'signal_reads.read_at',
      'signal_versions.version as values_version',
      // Open problems Smartcar reported about this user's vehicle (VEHICLE_ERROR): an index lookup each.
      (eb) =>
        eb
          .selectFrom('vehicle_errors')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('vehicle_errors.vehicle_id', '=', 'vehicles.vehicle_id')
          .whereRef('vehicle_errors.smartcar_user_id', '=', 'vehicles.smartcar_user_id')
          .as('problem_count'),
    ])
    .where('vehicles.account_id', '=', accountId)
    .where('vehicles.disconnected_at', 'is', null)
    .orderBy('vehicles.connected_at')
    .orderBy('vehicles.vehicle_id'),
);

/**
 * The stored latest values of the codes a card shows (`SUMMARY_CODES`) for
 * every vehicle the account holds connected, by vehicle then code.
 */
export const listSummarySignals = precompiled((db, accountId: string) =>
  db
    .selectFrom('vehicles')
    .innerJoin('signal_latest', 'signal_latest.vehicle_id', 'vehicles.vehicle_id')
    .selectAll('signal_latest')
    .where('vehicles.account_id', '=', accountId)
    .where('vehicles.disconnected_at', 'is', null)
    .where('signal_latest.code', 'in', [...new Set(SUMMARY_CODES)])
    .orderBy('signal_latest.vehicle_id')
    .orderBy('signal_latest.code'),
);
