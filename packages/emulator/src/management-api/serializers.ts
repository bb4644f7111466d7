import type { Application, ApplicationSecret, Subscription, Webhook } from '@paddock/contract';
import type { ClientSecretInfo } from '../control/applications.js';
import type { ApplicationRecord, VehicleRecord } from '../store/records.js';
import type { SubscriptionRecord, WebhookRecord } from '../store/webhook-records.js';
import { signalReference } from '../webhooks/payloads.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A webhook as `GET /v3/webhooks/{id}` shows it (reference §4.1); verification state stays hidden. */
export function serializeWebhook(origin: string, w: WebhookRecord): Webhook {
  return {
    id: w.id,
    type: 'webhook',
    attributes: {
      name: w.name,
      callbackUri: w.callbackUri,
      errorCallbackUri: w.errorCallbackUri ?? null,
      isEnabled: w.isEnabled,
      autoSubscribe: w.autoSubscribe,
      triggers: w.triggers.map(signalReference),
      data: w.data.map(signalReference),
    },
    links: { self: `${origin}/v3/webhooks/${w.id}` },
    meta: { createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt) },
  };
}

/** A subscription (reference §4.2) with the vehicle's attributes and mode. */
export function serializeSubscription(
  origin: string,
  s: SubscriptionRecord,
  vehicle: VehicleRecord,
  mode: 'live' | 'simulated',
): Subscription {
  const { make, model, year, powertrainType } = vehicle;
  return {
    type: 'subscription',
    id: s.id,
    attributes: { vehicle: { make, model, year, mode, powertrainType } },
    meta: { createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) },
    relationships: {
      webhook: {
        data: { type: 'webhook', id: s.webhookId },
        links: { related: `${origin}/v3/webhooks/${s.webhookId}` },
      },
      user: { data: { type: 'user', id: s.userId }, links: { related: `${origin}/v3/users/${s.userId}` } },
      vehicle: {
        data: { type: 'vehicle', id: s.vehicleId },
        links: { related: `${origin}/v3/vehicles/${s.vehicleId}` },
      },
    },
    links: { self: `${origin}/v3/subscriptions/${s.id}` },
  };
}

/** Paddock's own application shape (reference §4.3 documents none): never a secret. */
export function serializeApplication(origin: string, a: ApplicationRecord): Application {
  return {
    id: a.id,
    type: 'application',
    attributes: { name: a.name, clientId: a.clientId, redirectUris: [...a.redirectUris] },
    links: { self: `${origin}/v3/applications/${a.id}` },
    meta: { createdAt: iso(a.createdAt) },
  };
}

/** A client secret (Paddock's shape; reference §4.3 documents none): its id, hint and age, never its value. */
export function serializeApplicationSecret(
  origin: string,
  applicationId: string,
  secret: ClientSecretInfo,
): ApplicationSecret {
  return {
    id: secret.id,
    type: 'application-secret',
    attributes: { hint: secret.hint },
    relationships: {
      application: {
        data: { type: 'application', id: applicationId },
        links: { related: `${origin}/v3/applications/${applicationId}` },
      },
    },
    meta: { createdAt: iso(secret.createdAt) },
  };
}
