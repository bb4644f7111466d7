import type {
  DeliveryState,
  SubscriptionRecord,
  WebhookEventRecord,
  WebhookRecord,
} from './webhook-records.js';

/** Whole-content access for export, import and reset: `load` replaces everything. */
export interface Dumpable<T> {
  dump(): T[];
  load(items: readonly T[]): void;
}

export interface Page {
  offset: number;
  limit: number;
}

export interface WebhookQuery {
  applicationId?: string;
  name?: string;
  callbackUri?: string;
  isEnabled?: boolean;
  autoSubscribe?: boolean;
}

export interface WebhookRepository extends Dumpable<WebhookRecord> {
  insert(webhook: WebhookRecord): void;
  update(webhook: WebhookRecord): void;
  findById(id: string): WebhookRecord | undefined;
  /** Newest first. */
  list(query: WebhookQuery, page: Page): { items: WebhookRecord[]; total: number };
}

export interface SubscriptionQuery {
  applicationId?: string;
  webhookId?: string;
  userId?: string;
  vehicleId?: string;
}

export interface SubscriptionRepository extends Dumpable<SubscriptionRecord> {
  insert(subscription: SubscriptionRecord): void;
  update(subscription: SubscriptionRecord): void;
  delete(id: string): boolean;
  findById(id: string): SubscriptionRecord | undefined;
  /** The subscription of a user's vehicle to a webhook, if any. */
  find(webhookId: string, userId: string, vehicleId: string): SubscriptionRecord | undefined;
  /** Newest first; `filter` narrows further (e.g. by the vehicle's mode). */
  list(
    query: SubscriptionQuery,
    page: Page,
    filter?: (s: SubscriptionRecord) => boolean,
  ): { items: SubscriptionRecord[]; total: number };
}

export interface OutboxQuery {
  applicationId?: string;
  webhookId?: string;
  state?: DeliveryState;
}

/** The durable outbox of webhook events. */
export interface OutboxRepository extends Dumpable<WebhookEventRecord> {
  insert(event: WebhookEventRecord): void;
  update(event: WebhookEventRecord): void;
  findById(eventId: string): WebhookEventRecord | undefined;
  /** Newest first. */
  list(query: OutboxQuery, page: Page): { items: WebhookEventRecord[]; total: number };
  /** Pending events whose next attempt is due at `now`, oldest first. */
  due(now: number): WebhookEventRecord[];
}
