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

/** The errors one event reported about one user's vehicle. */
export interface VehicleErrorReport {
  readonly vehicleId: string;
  /** The event's `user.id`. */
  readonly smartcarUserId: string;
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
 * user's problem of that type and code with the vehicle, a `RESOLVED`
 * closes it. Smartcar's `VEHICLE_ERROR` carries no time of its own but its
 * delivery's, so the last one applied wins. Rows are written in (vehicle,
 * user, type, code) order, as every writer does, so concurrent transactions
 * on PostgreSQL cannot deadlock on them.
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
      const key = JSON.stringify([report.vehicleId, report.smartcarUserId, error.type, error.code ?? '']);
      last.set(key, { report, error });
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
        .where('smartcar_user_id', '=', report.smartcarUserId)
        .where('type', '=', error.type)
        .where('code', '=', code)
        .executeTakeFirst();
      if (deleted.numDeletedRows > 0n) changed.add(report.vehicleId);
      continue;
    }
    const row = {
      vehicle_id: report.vehicleId,
      smartcar_user_id: report.smartcarUserId,
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
        oc.columns(['vehicle_id', 'smartcar_user_id', 'type', 'code']).doUpdateSet({
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

/** The open problems of a user's vehicle, the latest reported first. */
export async function listVehicleProblems(
  db: Kysely<Database>,
  vehicleId: string,
  smartcarUserId: string,
): Promise<VehicleProblem[]> {
  const rows = await db
    .selectFrom('vehicle_errors')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .where('smartcar_user_id', '=', smartcarUserId)
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

/** How many open problems a user's vehicle has. */
export async function countVehicleProblems(
  db: Kysely<Database>,
  vehicleId: string,
  smartcarUserId: string,
): Promise<number> {
  const row = await db
    .selectFrom('vehicle_errors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('vehicle_id', '=', vehicleId)
    .where('smartcar_user_id', '=', smartcarUserId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes the problems of a user's vehicle (its disconnect). */
export async function deleteVehicleProblems(
  db: Kysely<Database>,
  vehicleId: string,
  smartcarUserId: string,
): Promise<void> {
  await db
    .deleteFrom('vehicle_errors')
    .where('vehicle_id', '=', vehicleId)
    .where('smartcar_user_id', '=', smartcarUserId)
    .execute();
}

/**
 * Closes the problems that asked the person to connect again
 * (`REAUTHENTICATE`) on that Smartcar user's vehicles: they just did.
 * Should a problem remain, Smartcar reports it again.
 * @returns the vehicles whose problems were closed
 */
export async function clearReauthenticationProblems(
  db: Kysely<Database>,
  smartcarUserId: string,
): Promise<string[]> {
  const rows = await db
    .deleteFrom('vehicle_errors')
    .where('smartcar_user_id', '=', smartcarUserId)
    .where('resolution_type', '=', 'REAUTHENTICATE')
    .returning('vehicle_id')
    .execute();
  return [...new Set(rows.map((r) => r.vehicle_id))];
}
