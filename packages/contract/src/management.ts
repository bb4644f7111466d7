import { z } from 'zod';
import { pageLinksSchema, pageMetaSchema } from './pagination.js';
import { powertrainTypeSchema, vehicleModeSchema } from './vehicles.js';

const isoTimestamp = z.iso.datetime({ offset: true });

/** A signal named by group, name and code, as webhooks list their triggers and data (reference §4.1). */
export const signalReferenceSchema = z.object({
  group: z.string().min(1),
  name: z.string().min(1),
  code: z.string().min(1),
});
export type SignalReference = z.infer<typeof signalReferenceSchema>;

/** A Management API list page of `item`s (reference §4): `data`, `meta` and `links`. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: pageMetaSchema, links: pageLinksSchema });

/** A webhook of the Management API (reference §4.1). Verification status is not exposed. */
export const webhookSchema = z.object({
  id: z.string().min(1),
  type: z.literal('webhook'),
  attributes: z.object({
    name: z.string(),
    callbackUri: z.string(),
    errorCallbackUri: z.string().nullable().optional(),
    isEnabled: z.boolean(),
    autoSubscribe: z.boolean(),
    triggers: z.array(signalReferenceSchema),
    data: z.array(signalReferenceSchema),
  }),
  links: z.object({ self: z.string() }),
  meta: z.object({ createdAt: isoTimestamp, updatedAt: isoTimestamp.optional() }),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** `GET /v3/webhooks/{webhookId}`. */
export const webhookResponseSchema = z.object({ data: webhookSchema });
export type WebhookResponse = z.infer<typeof webhookResponseSchema>;

/** `GET /v3/webhooks`. */
export const webhookListResponseSchema = pageOf(webhookSchema);
export type WebhookListResponse = z.infer<typeof webhookListResponseSchema>;

/** Query filters of `GET /v3/webhooks` (reference §4.1). */
export const WEBHOOK_FILTERS = {
  name: 'filter[name]',
  callbackUri: 'filter[callbackUri]',
  isEnabled: 'filter[isEnabled]',
  autoSubscribe: 'filter[autoSubscribe]',
} as const;
/** `page[size]` default of `/v3/webhooks`. */
export const WEBHOOKS_DEFAULT_PAGE_SIZE = 50;

const relationship = (type: string) =>
  z.object({
    data: z.object({ type: z.literal(type), id: z.string().min(1) }),
    links: z.object({ related: z.string() }).optional(),
  });

/** A vehicle's subscription to a webhook (reference §4.2). */
export const subscriptionSchema = z.object({
  type: z.literal('subscription'),
  id: z.string().min(1),
  attributes: z.object({
    vehicle: z.object({
      make: z.string(),
      model: z.string(),
      year: z.number().int(),
      mode: vehicleModeSchema,
      powertrainType: powertrainTypeSchema,
    }),
  }),
  meta: z.object({ createdAt: isoTimestamp, updatedAt: isoTimestamp }),
  relationships: z.object({
    webhook: relationship('webhook'),
    user: relationship('user'),
    vehicle: relationship('vehicle'),
  }),
  links: z.object({ self: z.string() }),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** `GET /v3/subscriptions/{subscriptionId}`. */
export const subscriptionResponseSchema = z.object({ data: subscriptionSchema });
export type SubscriptionResponse = z.infer<typeof subscriptionResponseSchema>;

/** `GET /v3/subscriptions`. */
export const subscriptionListResponseSchema = pageOf(subscriptionSchema);
export type SubscriptionListResponse = z.infer<typeof subscriptionListResponseSchema>;

/** `POST /v3/subscriptions` request body (reference §4.2). */
export const createSubscriptionRequestSchema = z.object({
  data: z.object({
    attributes: z.object({
      webhookId: z.string().min(1),
      userId: z.string().min(1),
      vehicleId: z.string().min(1),
    }),
  }),
});
export type CreateSubscriptionRequest = z.infer<typeof createSubscriptionRequestSchema>;

/** `POST /v3/subscriptions` answer: `202` with this message; the subscription appears in the list. */
export const createSubscriptionResponseSchema = z.object({ meta: z.object({ message: z.string() }) });
export type CreateSubscriptionResponse = z.infer<typeof createSubscriptionResponseSchema>;
export const SUBSCRIPTION_CREATED_MESSAGE = 'subscription creation in progress';

/** Query filters of `GET /v3/subscriptions` (reference §4.2). */
export const SUBSCRIPTION_FILTERS = {
  userId: 'filter[userId]',
  webhookId: 'filter[webhookId]',
  vehicleId: 'filter[vehicleId]',
  vehicleMode: 'filter[vehicle.mode]',
} as const;
/** `page[size]` default of `/v3/subscriptions`. */
export const SUBSCRIPTIONS_DEFAULT_PAGE_SIZE = 25;

/**
 * An application (reference §4.3: the endpoints exist, the shape is not
 * documented). This JSON:API shape is Paddock's own: name, client id and
 * redirect URIs, never a secret.
 */
export const applicationSchema = z.object({
  id: z.string().min(1),
  type: z.literal('application'),
  attributes: z.object({
    name: z.string(),
    clientId: z.string(),
    redirectUris: z.array(z.string()),
  }),
  links: z.object({ self: z.string() }),
  meta: z.object({ createdAt: isoTimestamp }),
});
export type Application = z.infer<typeof applicationSchema>;

/** `GET /v3/applications/{applicationId}`. */
export const applicationResponseSchema = z.object({ data: applicationSchema });
export type ApplicationResponse = z.infer<typeof applicationResponseSchema>;

/** `GET /v3/applications`. */
export const applicationListResponseSchema = pageOf(applicationSchema);
export type ApplicationListResponse = z.infer<typeof applicationListResponseSchema>;
/** `page[size]` default of `/v3/applications` (undocumented; the subscriptions default). */
export const APPLICATIONS_DEFAULT_PAGE_SIZE = 25;

/** Characters of a secret that its `hint` shows: the last four. */
export const SECRET_HINT_LENGTH = 4;

/**
 * A client secret of an application, as `GET /v3/applications/{id}/secrets`
 * lists it (reference §4.3: the endpoint exists, the shape is not documented).
 * This JSON:API shape is Paddock's own, chosen to look like the other
 * management resources. A secret's value is never sent back (servers keep
 * only a hash of it), so the resource carries only what tells secrets apart:
 * an id, the last {@link SECRET_HINT_LENGTH} characters (`hint`; null when
 * the secret is too short to give any of it away, or the hint is unknown) and
 * when it was created.
 */
export const applicationSecretSchema = z.object({
  id: z.string().min(1),
  type: z.literal('application-secret'),
  // Strict: an attribute more (a value that slipped in) fails the schema instead of being dropped.
  attributes: z.strictObject({
    hint: z.string().length(SECRET_HINT_LENGTH).nullable(),
  }),
  relationships: z.object({ application: relationship('application') }),
  meta: z.object({ createdAt: isoTimestamp }),
});
export type ApplicationSecret = z.infer<typeof applicationSecretSchema>;

/** `GET /v3/applications/{applicationId}/secrets`. */
export const applicationSecretListResponseSchema = pageOf(applicationSecretSchema);
export type ApplicationSecretListResponse = z.infer<typeof applicationSecretListResponseSchema>;
/** `page[size]` default of `/v3/applications/{id}/secrets` (undocumented; the applications default). */
export const APPLICATION_SECRETS_DEFAULT_PAGE_SIZE = APPLICATIONS_DEFAULT_PAGE_SIZE;
