import type { WebhookEventType } from '@paddock/contract';

/** How the VERIFY handshake of a webhook went. */
export type VerificationState = 'PENDING' | 'VERIFIED' | 'FAILED';

/** A webhook of an application; created through the control surface (Smartcar's Dashboard). */
export interface WebhookRecord {
  id: string;
  applicationId: string;
  name: string;
  callbackUri: string;
  /** Where `VEHICLE_ERROR` goes; `callbackUri` when absent. */
  errorCallbackUri?: string;
  /** Signal codes whose change fires a `VEHICLE_STATE` delivery. */
  triggers: string[];
  /** Signal codes included in every `VEHICLE_STATE` delivery. */
  data: string[];
  /** Subscribe every vehicle connected after the webhook's creation. */
  autoSubscribe: boolean;
  /** True only once the VERIFY handshake succeeded. */
  isEnabled: boolean;
  verification: { state: VerificationState; eventId?: string; detail?: string };
  /** Connection ids already considered for auto-subscription (so a deleted subscription stays deleted). */
  autoSubscribedConnections: string[];
  /** Last `meta.sequence` used. */
  sequence: number;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

/** One vehicle (of one user) subscribed to one webhook. */
export interface SubscriptionRecord {
  id: string;
  applicationId: string;
  webhookId: string;
  userId: string;
  vehicleId: string;
  /** A `FIRST_DELIVERY` is owed (sent once the webhook is enabled). */
  firstDeliveryPending: boolean;
  /** JSON of each trigger signal's body as last sent: the baseline of change detection. */
  lastValues: Record<string, string>;
  /** Reachability last seen, for the `UNREACHABLE` VEHICLE_ERROR and its `RESOLVED`. */
  reachable: boolean;
  createdAt: number;
  updatedAt: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'dropped';

/** One POST of an event to a receiver. */
export interface DeliveryAttemptRecord {
  /** `meta.deliveryId` of this attempt: new on every attempt. */
  deliveryId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Emulator clock, epoch ms. */
  startedAt: number;
  /** Wall-clock duration, ms. */
  durationMs: number;
  /** HTTP status, null when no response came (refused, timeout). */
  status: number | null;
  /** At most the first 500 characters of the response body. */
  responseExcerpt: string | null;
  /** Why the attempt counts as failed, null on success. */
  error: string | null;
  ok: boolean;
}

/** An event in the durable outbox, with every attempt made to deliver it. */
export interface WebhookEventRecord {
  /** `eventId`: stable across retries. */
  eventId: string;
  applicationId: string;
  webhookId: string;
  eventType: WebhookEventType;
  vehicleId?: string;
  url: string;
  /** VERIFY is sent unsigned. */
  signed: boolean;
  /** The event as sent, with `meta.deliveryId`/`meta.deliveredAt` filled in per attempt. */
  payload: Record<string, unknown>;
  state: DeliveryState;
  attempts: DeliveryAttemptRecord[];
  /** Emulator epoch ms of the next attempt; null once delivered or dropped. */
  nextAttemptAt: number | null;
  /** Attempts allowed in all (4 for vehicle events, 1 for VERIFY). */
  maxAttempts: number;
  createdAt: number;
}
