import { ApiError } from '../http/api-error.js';
import type { SubscriptionRecord, WebhookEventRecord, WebhookRecord } from '../store/webhook-records.js';
import { createDispatcher } from './dispatcher.js';
import type { VehicleErrorInput } from './payloads.js';
import { applyVerifyOutcome, createWebhook, sendVerify, webhookInputSchema } from './registration.js';
import { autoSubscribe, type SubscribeInput, subscribe, unsubscribe } from './subscriptions.js';
import { checkTriggers } from './trigger-check.js';
import { contextOf, vehicleErrorEvent } from './vehicle-events.js';
import type { WebhookDeps } from './webhook-deps.js';

export type { VehicleErrorInput } from './payloads.js';
export { type WebhookInput, webhookInputSchema } from './registration.js';

/**
 * Webhooks of every application: registration with the VERIFY handshake,
 * subscriptions, change detection and signed delivery through the outbox.
 * Other modules call `checkTriggers` after they change a vehicle.
 */
export interface WebhookService {
  /**
   * Creates a webhook (what Smartcar's Dashboard does) and sends VERIFY.
   * Throws a TypeError on invalid input or an unknown application.
   */
  register(input: unknown): WebhookRecord;
  /** Sends a new VERIFY; throws ApiError WEBHOOK_NOT_FOUND for an unknown id. */
  verify(webhookId: string): string;
  /** Throws ApiError 404 (webhook, user, vehicle) or 409 (already subscribed). */
  subscribe(applicationId: string, input: SubscribeInput): SubscriptionRecord;
  /** False when the application has no subscription with that id. */
  unsubscribe(applicationId: string, subscriptionId: string): boolean;
  /** Queues the events owed for one vehicle (or all) and starts delivering them; returns how many. */
  checkTriggers(vehicleId?: string): number;
  /**
   * Subscribes the connections made since an `autoSubscribe` webhook was
   * created. Scans every connection of those applications: call it after
   * something may have connected a vehicle, not on every request.
   */
  autoSubscribe(): void;
  /** Queues a `VEHICLE_ERROR` for every enabled subscription of the vehicle; returns the events. */
  reportVehicleError(vehicleId: string, error: VehicleErrorInput): WebhookEventRecord[];
  /** Starts the attempts due on the emulator clock (retries). */
  runDue(): void;
  /** Resolves when no delivery attempt is in flight. */
  settle(): Promise<void>;
}

export function createWebhookService(deps: WebhookDeps): WebhookService {
  const dispatcher = createDispatcher(deps, (webhookId, eventId, ok, detail) => {
    // Owed FIRST_DELIVERY events go out as soon as the webhook is enabled.
    if (applyVerifyOutcome(deps, webhookId, eventId, ok, detail)) checkTriggers(deps, dispatcher);
    deps.onChange();
  });
  const findWebhook = (id: string) => {
    const webhook = deps.store.webhooks.findById(id);
    if (!webhook) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'WEBHOOK_NOT_FOUND', {
        detail: `Webhook with ID ${id} not found`,
      });
    }
    return webhook;
  };

  return {
    register(raw) {
      const parsed = webhookInputSchema.safeParse(raw);
      if (!parsed.success) {
        throw new TypeError(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
        );
      }
      const input = parsed.data;
      const ref = input.applicationId ?? input.clientId!;
      const application =
        deps.store.applications.findById(ref) ?? deps.store.applications.findByClientId(ref);
      if (!application) throw new TypeError(`Unknown application ${ref}`);
      const webhook = createWebhook(deps, dispatcher, application.id, input);
      deps.onChange();
      return webhook;
    },
    verify(webhookId) {
      const eventId = sendVerify(deps, dispatcher, findWebhook(webhookId));
      deps.onChange();
      return eventId;
    },
    subscribe(applicationId, input) {
      const subscription = subscribe(deps, applicationId, input);
      checkTriggers(deps, dispatcher, input.vehicleId);
      return subscription;
    },
    unsubscribe: (applicationId, subscriptionId) => unsubscribe(deps, applicationId, subscriptionId),
    checkTriggers: (vehicleId) => checkTriggers(deps, dispatcher, vehicleId),
    autoSubscribe: () => autoSubscribe(deps),
    reportVehicleError(vehicleId, error) {
      const subscriptions = deps.store.subscriptions.list(
        { vehicleId },
        { offset: 0, limit: Number.MAX_SAFE_INTEGER },
      ).items;
      const events: WebhookEventRecord[] = [];
      for (const subscription of subscriptions) {
        const ctx = contextOf(deps, subscription);
        if (!ctx?.webhook.isEnabled) continue;
        const event = vehicleErrorEvent(deps, ctx, error);
        dispatcher.enqueue(event);
        events.push(event);
      }
      return events;
    },
    runDue: () => dispatcher.runDue(),
    settle: () => dispatcher.settle(),
  };
}
