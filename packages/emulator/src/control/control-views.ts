import type { ApplicationRecord } from '../store/records.js';
import type { WebhookEventRecord, WebhookRecord } from '../store/webhook-records.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** An application on the control surface: never a secret, not even the management token. */
export function applicationView(a: ApplicationRecord) {
  return {
    id: a.id,
    clientId: a.clientId,
    name: a.name,
    redirectUris: a.redirectUris,
    createdAt: iso(a.createdAt),
  };
}

/** A webhook with what the Management API hides: the VERIFY outcome. */
export function webhookView(w: WebhookRecord) {
  return {
    id: w.id,
    applicationId: w.applicationId,
    name: w.name,
    callbackUri: w.callbackUri,
    errorCallbackUri: w.errorCallbackUri ?? null,
    triggers: w.triggers,
    data: w.data,
    autoSubscribe: w.autoSubscribe,
    isEnabled: w.isEnabled,
    verification: w.verification,
    sequence: w.sequence,
    createdAt: iso(w.createdAt),
  };
}

/** An outbox event with every attempt (times on the emulator clock, ISO). */
export function eventView(e: WebhookEventRecord) {
  return {
    eventId: e.eventId,
    eventType: e.eventType,
    webhookId: e.webhookId,
    applicationId: e.applicationId,
    vehicleId: e.vehicleId ?? null,
    url: e.url,
    state: e.state,
    createdAt: iso(e.createdAt),
    nextAttemptAt: e.nextAttemptAt === null ? null : iso(e.nextAttemptAt),
    attempts: e.attempts.map((a) => ({ ...a, startedAt: iso(a.startedAt) })),
    payload: e.payload,
  };
}
