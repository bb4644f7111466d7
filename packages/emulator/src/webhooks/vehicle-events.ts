import { isSignalCode, SIGNALS, type WebhookSignal, type WebhookTrigger } from '@paddock/contract';
import type { SubscriptionRecord, WebhookEventRecord } from '../store/webhook-records.js';
import { VEHICLE_EVENT_MAX_ATTEMPTS } from './dispatcher.js';
import {
  type VehicleErrorInput,
  type VehicleEventContext,
  vehicleErrorPayload,
  vehicleStatePayload,
  webhookSignal,
} from './payloads.js';
import type { WebhookDeps } from './webhook-deps.js';

/**
 * The records behind a subscription, or undefined when it lost its webhook
 * or its connection (then the subscription is removed: a disconnected
 * vehicle gets no more events).
 */
export function contextOf(
  deps: WebhookDeps,
  subscription: SubscriptionRecord,
): Omit<VehicleEventContext, 'eventId'> | undefined {
  const { store } = deps;
  const webhook = store.webhooks.findById(subscription.webhookId);
  const connection = store.connections.find(
    subscription.applicationId,
    subscription.userId,
    subscription.vehicleId,
  );
  const application = store.applications.findById(subscription.applicationId);
  const vehicle = store.vehicles.findById(subscription.vehicleId);
  if (!webhook || !connection || !application || !vehicle) {
    store.subscriptions.delete(subscription.id);
    deps.onChange();
    return undefined;
  }
  return { webhook, connection, application, vehicle };
}

/** Whether the connection may read the signal (the catalogue names its permission). */
export function permitted(ctx: Omit<VehicleEventContext, 'eventId'>, code: string): boolean {
  return isSignalCode(code) && ctx.connection.permissions.includes(SIGNALS[code].permission);
}

function outboxEvent(
  deps: WebhookDeps,
  ctx: VehicleEventContext,
  eventType: 'VEHICLE_STATE' | 'VEHICLE_ERROR',
  url: string,
  payload: Record<string, unknown>,
): WebhookEventRecord {
  const now = deps.clock.now();
  return {
    eventId: ctx.eventId,
    applicationId: ctx.application.id,
    webhookId: ctx.webhook.id,
    eventType,
    vehicleId: ctx.vehicle.id,
    url,
    signed: true,
    payload,
    state: 'pending',
    attempts: [],
    nextAttemptAt: now,
    maxAttempts: VEHICLE_EVENT_MAX_ATTEMPTS,
    createdAt: now,
  };
}

/** A `VEHICLE_STATE` event with the webhook's data signals plus the changed triggers. */
export function vehicleStateEvent(
  deps: WebhookDeps,
  base: Omit<VehicleEventContext, 'eventId'>,
  triggers: WebhookTrigger[],
  changed: readonly string[],
): WebhookEventRecord {
  const ctx = { ...base, eventId: deps.ids.uuid() };
  const codes = [...new Set([...ctx.webhook.data, ...changed])];
  const resources = deps.simulator.signals(ctx.vehicle.id, {
    permissions: ctx.connection.permissions,
    unitSystem: 'metric',
    origin: 'http://localhost',
  });
  const byCode = new Map(resources.map((r) => [r.attributes.code, r]));
  const signals: WebhookSignal[] = codes.flatMap((code) => {
    const resource = byCode.get(code);
    return resource ? [webhookSignal(resource)] : [];
  });
  const sequence = ctx.webhook.sequence + 1;
  ctx.webhook = { ...ctx.webhook, sequence, updatedAt: deps.clock.now() };
  deps.store.webhooks.update(ctx.webhook);
  const payload = vehicleStatePayload(ctx, signals, triggers, sequence);
  return outboxEvent(deps, ctx, 'VEHICLE_STATE', ctx.webhook.callbackUri, payload);
}

/** A `VEHICLE_ERROR` event, to the error callback when the webhook has one. */
export function vehicleErrorEvent(
  deps: WebhookDeps,
  base: Omit<VehicleEventContext, 'eventId'>,
  error: VehicleErrorInput,
): WebhookEventRecord {
  const ctx = { ...base, eventId: deps.ids.uuid() };
  const url = ctx.webhook.errorCallbackUri ?? ctx.webhook.callbackUri;
  return outboxEvent(deps, ctx, 'VEHICLE_ERROR', url, vehicleErrorPayload(ctx, error));
}
