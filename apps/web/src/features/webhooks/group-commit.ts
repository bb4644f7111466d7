import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { SignalValue } from '../signals/signals.repository.js';
import type { VehicleErrorReport } from '../vehicle-errors/vehicle-errors.repository.js';
import { type StoredEvent, storeWebhookEvents } from './store-webhook-event.js';
import type { IncomingEvent } from './webhook-events.repository.js';

/** Events committed together, at most (default). */
export const MAX_EVENTS_PER_COMMIT = 128;

/** Stores webhook events; each promise resolves only after the commit that holds its event. */
export interface WebhookEventStore {
  store(
    event: IncomingEvent,
    signals: readonly SignalValue[],
    errors?: VehicleErrorReport,
  ): Promise<StoredEvent>;
}

interface Waiting {
  readonly event: IncomingEvent;
  readonly signals: readonly SignalValue[];
  readonly errors: VehicleErrorReport | undefined;
  resolve(stored: StoredEvent): void;
  reject(error: unknown): void;
}

/**
 * Group commit: deliveries that arrive together share one transaction. The
 * first waits for the end of the current turn of the event loop (so every
 * request already read joins it); while a transaction runs, new arrivals
 * queue for the next one. Every event is still answered only after the
 * commit that holds it. When a shared transaction fails, each of its events
 * is stored again on its own, so one bad event fails only its own delivery.
 */
export function createGroupCommit(db: Kysely<Database>, maxBatch = MAX_EVENTS_PER_COMMIT): WebhookEventStore {
  const queue: Waiting[] = [];
  let running = false;

  const schedule = () => {
    if (running || queue.length === 0) return;
    running = true;
    setImmediate(() => void drain());
  };

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await commit(queue.splice(0, maxBatch));
    } finally {
      running = false;
      schedule();
    }
  }

  async function commit(batch: Waiting[]): Promise<void> {
    try {
      const results = await storeWebhookEvents(db, batch);
      for (const [i, waiting] of batch.entries()) waiting.resolve(results[i]!);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const waiting of batch) {
        try {
          const [stored] = await storeWebhookEvents(db, [waiting]);
          waiting.resolve(stored!);
        } catch (own) {
          waiting.reject(own);
        }
      }
    }
  }

  return {
    store(event, signals, errors) {
      return new Promise<StoredEvent>((resolve, reject) => {
        queue.push({ event, signals, errors, resolve, reject });
        schedule();
      });
    },
  };
}
