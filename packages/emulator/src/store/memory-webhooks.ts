import type { SubscriptionRecord, WebhookEventRecord, WebhookRecord } from './webhook-records.js';
import type {
  OutboxRepository,
  Page,
  SubscriptionRepository,
  WebhookRepository,
} from './webhook-repositories.js';

/**
 * Finished events kept in memory; older delivered or dropped ones are
 * forgotten first, so a long run does not grow without bound. Pending events
 * are never evicted.
 */
export const OUTBOX_RETAINED_FINISHED_EVENTS = 5000;

/** Records keyed by id in insertion order; lists come out newest first. */
function orderedTable<T>(key: (item: T) => string, createdAt: (item: T) => number) {
  const rows = new Map<string, { item: T; seq: number }>();
  let seq = 0;
  return {
    rows,
    insert(item: T) {
      const id = key(item);
      if (rows.has(id)) throw new Error(`Record ${id} already exists`);
      rows.set(id, { item, seq: seq++ });
    },
    update(item: T) {
      const row = rows.get(key(item));
      if (!row) throw new Error(`Record ${key(item)} does not exist`);
      row.item = item;
    },
    find: (id: string) => rows.get(id)?.item,
    list(match: (item: T) => boolean, page: Page) {
      const matching = [...rows.values()]
        .filter((row) => match(row.item))
        .sort((a, b) => createdAt(b.item) - createdAt(a.item) || b.seq - a.seq);
      return {
        items: matching.slice(page.offset, page.offset + page.limit).map((row) => row.item),
        total: matching.length,
      };
    },
    dump: () => [...rows.values()].map((row) => row.item),
    load(items: readonly T[]) {
      rows.clear();
      for (const item of items) rows.set(key(item), { item, seq: seq++ });
    },
  };
}

const eq = <T>(wanted: T | undefined, actual: T) => wanted === undefined || wanted === actual;

export function memoryWebhooks(): WebhookRepository {
  const table = orderedTable<WebhookRecord>(
    (w) => w.id,
    (w) => w.createdAt,
  );
  return {
    insert: table.insert,
    update: table.update,
    findById: table.find,
    list: (q, page) =>
      table.list(
        (w) =>
          eq(q.applicationId, w.applicationId) &&
          eq(q.name, w.name) &&
          eq(q.callbackUri, w.callbackUri) &&
          eq(q.isEnabled, w.isEnabled) &&
          eq(q.autoSubscribe, w.autoSubscribe),
        page,
      ),
    dump: table.dump,
    load: table.load,
  };
}

export function memorySubscriptions(): SubscriptionRepository {
  const table = orderedTable<SubscriptionRecord>(
    (s) => s.id,
    (s) => s.createdAt,
  );
  return {
    insert: table.insert,
    update: table.update,
    delete: (id) => table.rows.delete(id),
    findById: table.find,
    find(webhookId, userId, vehicleId) {
      for (const { item } of table.rows.values()) {
        if (item.webhookId === webhookId && item.userId === userId && item.vehicleId === vehicleId)
          return item;
      }
      return undefined;
    },
    list: (q, page, filter = () => true) =>
      table.list(
        (s) =>
          eq(q.applicationId, s.applicationId) &&
          eq(q.webhookId, s.webhookId) &&
          eq(q.userId, s.userId) &&
          eq(q.vehicleId, s.vehicleId) &&
          filter(s),
        page,
      ),
    dump: table.dump,
    load: table.load,
  };
}

export function memoryOutbox(retainFinished = OUTBOX_RETAINED_FINISHED_EVENTS): OutboxRepository {
  const table = orderedTable<WebhookEventRecord>(
    (e) => e.eventId,
    (e) => e.createdAt,
  );
  // Ids of finished events, oldest first: callers may update records in place,
  // so the state before an update is tracked here rather than read back.
  const finished = new Set<string>();
  const settle = (event: WebhookEventRecord) => {
    if (event.state === 'pending' || finished.has(event.eventId)) return;
    finished.add(event.eventId);
    for (const id of finished) {
      if (finished.size <= retainFinished) break;
      finished.delete(id);
      table.rows.delete(id);
    }
  };
  return {
    insert(event) {
      table.insert(event);
      settle(event);
    },
    update(event) {
      table.update(event);
      settle(event);
    },
    findById: table.find,
    list: (q, page) =>
      table.list(
        (e) => eq(q.applicationId, e.applicationId) && eq(q.webhookId, e.webhookId) && eq(q.state, e.state),
        page,
      ),
    due(now) {
      const due: WebhookEventRecord[] = [];
      for (const { item } of table.rows.values()) {
        if (item.state === 'pending' && item.nextAttemptAt !== null && item.nextAttemptAt <= now)
          due.push(item);
      }
      return due;
    },
    dump: table.dump,
    load(items) {
      finished.clear();
      table.load(items);
      for (const item of items) settle(item);
    },
  };
}
