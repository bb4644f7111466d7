import { ApiError } from '../http/api-error.js';
import type { SubscriptionRecord } from '../store/webhook-records.js';
import type { WebhookDeps } from './webhook-deps.js';

export interface SubscribeInput {
  webhookId: string;
  userId: string;
  vehicleId: string;
}

const notFound = (
  code: 'WEBHOOK_NOT_FOUND' | 'USER_NOT_FOUND' | 'VEHICLE_NOT_FOUND',
  what: string,
  id: string,
) => new ApiError('RESOURCE_NOT_FOUND', code, { detail: `${what} with ID ${id} not found` });

/**
 * Subscribes a user's vehicle to one of the application's webhooks. Another
 * application's webhook, user or vehicle is indistinguishable from an
 * unknown one (404); a second subscription is 409. A `FIRST_DELIVERY` is
 * owed and goes out as soon as the webhook is enabled.
 */
export function subscribe(
  deps: WebhookDeps,
  applicationId: string,
  input: SubscribeInput,
): SubscriptionRecord {
  const { store, clock } = deps;
  const webhook = store.webhooks.findById(input.webhookId);
  if (!webhook || webhook.applicationId !== applicationId) {
    throw notFound('WEBHOOK_NOT_FOUND', 'Webhook', input.webhookId);
  }
  const userConnections = store.connections.list(
    { applicationId, userId: input.userId },
    { offset: 0, limit: 1 },
  );
  if (userConnections.total === 0) throw notFound('USER_NOT_FOUND', 'User', input.userId);
  const connection = store.connections.find(applicationId, input.userId, input.vehicleId);
  if (!connection) throw notFound('VEHICLE_NOT_FOUND', 'Vehicle', input.vehicleId);
  if (store.subscriptions.find(webhook.id, input.userId, input.vehicleId)) {
    throw new ApiError('VALIDATION', 'ALREADY_SUBSCRIBED', {
      title: 'Already subscribed',
      detail: `Vehicle ${input.vehicleId} of user ${input.userId} is already subscribed to webhook ${webhook.id}.`,
      suggestedUserMessage: null,
    });
  }
  const now = clock.now();
  const subscription: SubscriptionRecord = {
    id: deps.ids.uuid(),
    applicationId,
    webhookId: webhook.id,
    userId: input.userId,
    vehicleId: input.vehicleId,
    firstDeliveryPending: true,
    lastValues: {},
    reachable: true,
    createdAt: now,
    updatedAt: now,
  };
  store.subscriptions.insert(subscription);
  deps.onChange();
  return subscription;
}

/** Deletes a subscription of the application; false when there is none with that id. */
export function unsubscribe(deps: WebhookDeps, applicationId: string, subscriptionId: string): boolean {
  const subscription = deps.store.subscriptions.findById(subscriptionId);
  if (!subscription || subscription.applicationId !== applicationId) return false;
  deps.store.subscriptions.delete(subscriptionId);
  deps.onChange();
  return true;
}

/**
 * Subscribes connections made after an `autoSubscribe` webhook was created.
 * Each connection is considered once, so a subscription deleted through the
 * API stays deleted.
 */
export function autoSubscribe(deps: WebhookDeps): void {
  const { store } = deps;
  const all = { offset: 0, limit: Number.MAX_SAFE_INTEGER };
  for (const webhook of store.webhooks.list({ autoSubscribe: true }, all).items) {
    const seen = new Set(webhook.autoSubscribedConnections);
    const fresh = store.connections
      .list({ applicationId: webhook.applicationId }, all)
      .items.filter((c) => c.createdAt >= webhook.createdAt && !seen.has(c.id));
    if (fresh.length === 0) continue;
    for (const connection of fresh) {
      seen.add(connection.id);
      if (store.subscriptions.find(webhook.id, connection.userId, connection.vehicleId)) continue;
      subscribe(deps, webhook.applicationId, {
        webhookId: webhook.id,
        userId: connection.userId,
        vehicleId: connection.vehicleId,
      });
    }
    store.webhooks.update({ ...webhook, autoSubscribedConnections: [...seen] });
    deps.onChange();
  }
}
