import type { Kysely } from 'kysely';
import type { Database, WebhookEvent } from '../../db/tables.js';

/** A webhook event as it arrived. */
export interface IncomingEvent {
  readonly eventId: string;
  /** `eventType` of the payload. */
  readonly type: string;
  /** The raw body, exactly the bytes that were signed, as text. */
  readonly rawBody: string;
  /** Epoch ms. */
  readonly receivedAt: number;
}

/**
 * Stores an event unless its `eventId` is already stored (the unique key
 * decides, so two deliveries racing cannot both be new).
 * @returns true when the event is new
 */
export async function insertEventOnce(db: Kysely<Database>, event: IncomingEvent): Promise<boolean> {
  const inserted = await db
    .insertInto('webhook_events')
    .values({ event_id: event.eventId, type: event.type, body: event.rawBody, received_at: event.receivedAt })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findEvent(db: Kysely<Database>, eventId: string): Promise<WebhookEvent | undefined> {
  return db.selectFrom('webhook_events').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}
