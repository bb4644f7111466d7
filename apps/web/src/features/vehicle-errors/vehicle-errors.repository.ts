import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** One error of a `VEHICLE_ERROR` event, as the app keeps it. */
export interface ReportedVehicleError {
  readonly type: string;
  readonly code: string | null;
  readonly description: string | null;
  readonly suggestedUserMessage: string | null;
  readonly resolutionType: string | null;
  /** `ERROR` (open) or `RESOLVED` (over); anything else is ignored. */
  readonly state: string;
  readonly signalCodes: readonly string[];
}

/** The errors one event reported about one vehicle. */
export interface VehicleErrorReport {
  readonly vehicleId: string;
  readonly eventId: string;
  /** Epoch ms. */
  readonly receivedAt: number;
  readonly errors: readonly ReportedVehicleError[];
}

/** An open problem of a vehicle, for its page. */
export interface VehicleProblem {
  readonly type: string;
  readonly code: string | null;
  readonly description: string | null;
  readonly suggestedUserMessage: string | null;
  readonly resolutionType: string | null;
  readonly signalCodes: readonly string[];
  readonly reportedAt: number;
}

type Outcome = { readonly report: VehicleErrorReport; readonly error: ReportedVehicleError };

/**
 * Applies reports in the order given: an `ERROR` opens (or replaces) the
 * vehicle's problem of that type and code, a `RESOLVED` closes it.
 * Smartcar's `VEHICLE_ERROR` carries no time of its own but its delivery's,
 * so the last one applied wins. Rows are written in (vehicle, type, code)
 * order, as every writer does, so concurrent transactions on PostgreSQL
 * cannot deadlock on them.
 * @returns the vehicles whose open problems were written
 */
export async function applyVehicleErrorReports(
  db: Kysely<Database>,
  reports: readonly VehicleErrorReport[],
): Promise<Set<string>> {
  const last = new Map<string, Outcome>();
  for (const report of reports) {
    for (const error of report.errors) {
      if (error.state !== 'ERROR' && error.state !== 'RESOLVED') continue;
      last.set(JSON.stringify([report.vehicleId, error.type, error.code ?? '']), { report, error });
    }
  }
  const changed = new Set<string>();
  for (const key of [...last.keys()].sort()) {
    const { report, error } = last.get(key)!;
    const code = error.code ?? '';
    if (error.state === 'RESOLVED') {
      const deleted = await db
        .deleteFrom('vehicle_errors')
        .where('vehicle_id', '=', report.vehicleId)
        .where('type', '=', error.type)
        .where('code', '=', code)
        .executeTakeFirst();
      if (deleted.numDeletedRows > 0n) changed.add(report.vehicleId);
      continue;
    }
    const row = {
      vehicle_id: report.vehicleId,
      type: error.type,
      code,
      description: error.description,
      suggested_user_message: error.suggestedUserMessage,
      resolution_type: error.resolutionType,
      signal_codes: JSON.stringify(error.signalCodes),
      event_id: report.eventId,
      reported_at: report.receivedAt,
    };
    await db
      .insertInto('vehicle_errors')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['vehicle_id', 'type', 'code']).doUpdateSet({
          description: row.description,
          suggested_user_message: row.suggested_user_message,
          resolution_type: row.resolution_type,
          signal_codes: row.signal_codes,
          event_id: row.event_id,
          reported_at: row.reported_at,
        }),
      )
      .execute();
    changed.add(report.vehicleId);
  }
  return changed;
}

/** A vehicle's open problems, the latest reported first. */
export async function listVehicleProblems(
  db: Kysely<Database>,
  vehicleId: string,
): Promise<VehicleProblem[]> {
  const rows = await db
    .selectFrom('vehicle_errors')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .orderBy('reported_at', 'desc')
    .orderBy('type')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    type: r.type,
    code: r.code === '' ? null : r.code,
    description: r.description,
    suggestedUserMessage: r.suggested_user_message,
    resolutionType: r.resolution_type,
    signalCodes: parseCodes(r.signal_codes),
    reportedAt: Number(r.reported_at),
  }));
}

function parseCodes(text: string): string[] {
  try {
    const codes: unknown = JSON.parse(text);
    return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** How many open problems a vehicle has. */
export async function countVehicleProblems(db: Kysely<Database>, vehicleId: string): Promise<number> {
  const row = await db
    .selectFrom('vehicle_errors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('vehicle_id', '=', vehicleId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Closes the problems that asked the person to connect again
 * (`REAUTHENTICATE`) on the vehicles this account holds through that
 * Smartcar user: they just did. Should the problem remain, Smartcar reports
 * it again.
 */
export async function clearReauthenticationProblems(
  db: Kysely<Database>,
  accountId: string,
  smartcarUserId: string,
): Promise<void> {
  const vehicles = db
    .selectFrom('vehicles')
    .select('vehicle_id')
    .where('account_id', '=', accountId)
    .where('smartcar_user_id', '=', smartcarUserId);
  await db
    .deleteFrom('vehicle_errors')
    .where('resolution_type', '=', 'REAUTHENTICATE')
    .where('vehicle_id', 'in', vehicles)
    .execute();
}
