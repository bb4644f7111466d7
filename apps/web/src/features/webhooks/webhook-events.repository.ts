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
  return (await insertEventsOnce(db, [event])).has(event.eventId);
}

// 4 parameters a row: far below either engine's limit per statement.
const EVENTS_PER_STATEMENT = 1000;

/**
 * {@link insertEventOnce} for several events, one statement per 1000. An
 * `eventId` given twice is stored once (the first).
 * @returns the ids of the events that were new
 */
export async function insertEventsOnce(
  db: Kysely<Database>,
  events: readonly IncomingEvent[],
): Promise<Set<string>> {
  const byId = new Map<string, IncomingEvent>();
  for (const event of events) if (!byId.has(event.eventId)) byId.set(event.eventId, event);
  const firsts = [...byId.values()];
  const fresh = new Set<string>();
  for (let i = 0; i < firsts.length; i += EVENTS_PER_STATEMENT) {
    const rows = await db
      .insertInto('webhook_events')
      .values(
        firsts.slice(i, i + EVENTS_PER_STATEMENT).map((event) => ({
          event_id: event.eventId,
          type: event.type,
          body: event.rawBody,
          received_at: event.receivedAt,
        })),
      )
      .onConflict((oc) => oc.column('event_id').doNothing())
      .returning('event_id')
      .execute();
    for (const row of rows) fresh.add(row.event_id);
  }
  return fresh;
}

export async function findEvent(db: Kysely<Database>, eventId: string): Promise<WebhookEvent | undefined> {
  return db.selectFrom('webhook_events').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}
