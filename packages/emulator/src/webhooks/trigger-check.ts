import type { WebhookTrigger } from '@paddock/contract';
import type { SubscriptionRecord } from '../store/webhook-records.js';
import type { Dispatcher } from './dispatcher.js';
import { signalReference } from './payloads.js';
import { contextOf, permitted, vehicleErrorEvent, vehicleStateEvent } from './vehicle-events.js';
import type { WebhookDeps } from './webhook-deps.js';

/** The error a vehicle going offline produces, and its resolution when it is back. */
const UNREACHABLE = {
  type: 'VEHICLE_STATE',
  code: 'UNREACHABLE',
  description: 'The vehicle is not reachable: it has no network connection.',
  resolution: 'RETRY_LATER',
  suggestedUserMessage: 'Your vehicle is out of network reach. Smartcar will keep trying.',
} as const;

/**
 * Compares each subscribed vehicle's trigger signals with what was last sent
 * and queues the events owed: `FIRST_DELIVERY` after a subscription,
 * `SIGNAL_UPDATED` for changed triggers, `VEHICLE_ERROR` UNREACHABLE when a
 * vehicle goes offline (and `RESOLVED` when it is back). Only enabled
 * webhooks are considered. Returns the number of events queued.
 */
export function checkTriggers(deps: WebhookDeps, dispatcher: Dispatcher, vehicleId?: string): number {
  const { store } = deps;
  const subscriptions = store.subscriptions.list(
    { vehicleId },
    { offset: 0, limit: Number.MAX_SAFE_INTEGER },
  ).items;
  const valuesByVehicle = new Map<string, Map<string, { body: unknown }> | undefined>();
  let queued = 0;
  for (const subscription of subscriptions) {
    const ctx = contextOf(deps, subscription);
    if (!ctx?.webhook.isEnabled) continue;
    if (!valuesByVehicle.has(subscription.vehicleId)) {
      valuesByVehicle.set(subscription.vehicleId, readValues(deps, subscription.vehicleId));
    }
    const values = valuesByVehicle.get(subscription.vehicleId);
    if (!values) continue;

    const next: SubscriptionRecord = { ...subscription };
    const reachable = isReachable(deps, subscription.vehicleId);
    if (reachable !== subscription.reachable) {
      next.reachable = reachable;
      const state = reachable ? 'RESOLVED' : 'ERROR';
      dispatcher.enqueue(vehicleErrorEvent(deps, ctx, { ...UNREACHABLE, state }));
      queued++;
    }

    const current: Record<string, string> = {};
    for (const code of ctx.webhook.triggers) {
      const value = values.get(code);
      if (value !== undefined && permitted(ctx, code)) current[code] = JSON.stringify(value.body);
    }
    let triggers: WebhookTrigger[] = [];
    let changed: string[] = [];
    if (subscription.firstDeliveryPending) {
      triggers = [{ type: 'FIRST_DELIVERY' }];
      next.firstDeliveryPending = false;
    } else {
      changed = Object.keys(current).filter((code) => current[code] !== subscription.lastValues[code]);
      triggers = changed.map((code) => ({ type: 'SIGNAL_UPDATED', signal: signalReference(code) }));
    }
    if (triggers.length > 0) {
      // The webhook record changes with each event (its sequence), so read it fresh.
      const webhook = store.webhooks.findById(ctx.webhook.id) ?? ctx.webhook;
      const codes = subscription.firstDeliveryPending ? Object.keys(current) : changed;
      dispatcher.enqueue(vehicleStateEvent(deps, { ...ctx, webhook }, triggers, codes));
      next.lastValues = current;
      queued++;
    }
    if (triggers.length > 0 || next.reachable !== subscription.reachable) {
      store.subscriptions.update({ ...next, updatedAt: deps.clock.now() });
      deps.onChange();
    }
  }
  return queued;
}

function readValues(deps: WebhookDeps, vehicleId: string) {
  try {
    return deps.simulator.values(vehicleId);
  } catch (err) {
    deps.logger.warn({ err, vehicleId }, 'no signal values for a subscribed vehicle');
    return undefined;
  }
}

function isReachable(deps: WebhookDeps, vehicleId: string): boolean {
  try {
    return deps.simulator.state(vehicleId).online;
  } catch {
    return true;
  }
}
