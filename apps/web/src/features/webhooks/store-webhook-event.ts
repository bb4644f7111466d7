import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { inTransaction } from '../../db/transaction.js';
import { appendSignalHistory, type SignalValue, upsertLatestSignal } from '../signals/signals.repository.js';
import { type IncomingEvent, insertEventOnce } from './webhook-events.repository.js';

/** What storing one event did. */
export interface StoredEvent {
  /** The `eventId` was stored before: nothing was changed. */
  readonly duplicate: boolean;
  /** Codes whose latest value this event replaced (older stored values only). */
  readonly updatedCodes: readonly string[];
}

/**
 * Stores a verified webhook event and applies its signal values, all in one
 * transaction: the event once by `eventId` (a duplicate changes nothing), each
 * value as the latest unless a newer one is stored, and each successful value
 * in the history. Resolves after the commit, so a 200 sent then loses nothing.
 */
export function storeWebhookEvent(
  db: Kysely<Database>,
  event: IncomingEvent,
  signals: readonly SignalValue[],
): Promise<StoredEvent> {
  return inTransaction(db, async (trx) => {
    if (!(await insertEventOnce(trx, event))) return { duplicate: true, updatedCodes: [] };
    const updatedCodes: string[] = [];
    for (const value of signals) {
      if (await upsertLatestSignal(trx, value)) updatedCodes.push(value.code);
      await appendSignalHistory(trx, value);
    }
    return { duplicate: false, updatedCodes };
  });
}
