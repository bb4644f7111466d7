import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { inTransaction } from '../../db/transaction.js';
import {
  appendSignalHistories,
  type SignalValue,
  upsertLatestSignals,
} from '../signals/signals.repository.js';
import {
  applyVehicleErrorReports,
  type VehicleErrorReport,
} from '../vehicle-errors/vehicle-errors.repository.js';
import { heldConnections } from '../vehicles/vehicles.repository.js';
import { type IncomingEvent, insertEventsOnce } from './webhook-events.repository.js';

/** What storing one event did. */
export interface StoredEvent {
  /** The `eventId` was stored before: nothing was changed. */
  readonly duplicate: boolean;
  /** Codes whose latest value this event replaced (older stored values only). */
  readonly updatedCodes: readonly string[];
  /** The event opened or closed one of its vehicle's problems (`VEHICLE_ERROR`). */
  readonly problemsChanged: boolean;
}

/** A verified event and the signal values or vehicle errors it carries. */
export interface EventToStore {
  readonly event: IncomingEvent;
  readonly signals: readonly SignalValue[];
  readonly errors?: VehicleErrorReport | undefined;
}

/**
 * Stores a verified webhook event and applies its signal values, all in one
 * transaction: the event once by `eventId` (a duplicate changes nothing), each
 * value as the latest unless a newer one is stored, each successful value
 * in the history, and each reported vehicle error as opened or closed;
 * values of a vehicle no account holds connected, and errors of one the
 * event's user does not hold, are not applied. Resolves after the commit, so a 200 sent then loses nothing.
 */
export async function storeWebhookEvent(
  db: Kysely<Database>,
  event: IncomingEvent,
  signals: readonly SignalValue[],
  errors?: VehicleErrorReport,
): Promise<StoredEvent> {
  const [stored] = await storeWebhookEvents(db, [{ event, signals, errors }]);
  return stored!;
}

/**
 * {@link storeWebhookEvent} for several events in one transaction (group
 * commit), with one statement per table instead of one per value (one per
 * problem for `VEHICLE_ERROR`s, which are rare). The result
 * is what applying them one by one in order would leave: an `eventId` seen
 * before, or earlier in the list, is a duplicate; of several values for one
 * signal the newest wins. An event's `updatedCodes` are the codes whose
 * latest value is now that event's.
 * @returns one result per event, in order, after the commit
 */
export function storeWebhookEvents(
  db: Kysely<Database>,
  events: readonly EventToStore[],
): Promise<StoredEvent[]> {
  return inTransaction(db, async (trx) => {
    const fresh = await insertEventsOnce(
      trx,
      events.map((e) => e.event),
    );
    // Only the first delivery of a new id in this list applies its values, and
    // only for vehicles someone holds: a late delivery for a disconnected one
    // must not bring back what its disconnect deleted (for its next owner to see).
    const applies = events.map((e) => fresh.delete(e.event.eventId));
    const offered = events.flatMap((e, i) => (applies[i] ? e.signals : []));
    const reports = events.flatMap((e, i) => (applies[i] && e.errors ? [e.errors] : []));
    const held = await heldConnections(trx, [
      ...new Set([...offered.map((v) => v.vehicleId), ...reports.map((r) => r.vehicleId)]),
    ]);
    const values = offered.filter((v) => held.has(v.vehicleId));
    const latest = new Set(await upsertLatestSignals(trx, values));
    await appendSignalHistories(trx, values);
    // A problem is about the connection of the event's user: kept while that user holds the vehicle.
    const problems = await applyVehicleErrorReports(
      trx,
      reports.filter((r) => held.get(r.vehicleId)?.has(r.smartcarUserId)),
    );
    return events.map((e, i) =>
      applies[i]
        ? {
            duplicate: false,
            updatedCodes: e.signals.filter((v) => latest.has(v)).map((v) => v.code),
            problemsChanged: e.errors !== undefined && problems.has(e.errors.vehicleId),
          }
        : { duplicate: true, updatedCodes: [], problemsChanged: false },
    );
  });
}
