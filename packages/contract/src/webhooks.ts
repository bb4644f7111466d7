import { z } from 'zod';
import { signalReferenceSchema } from './management.js';
import { signalStatusSchema } from './signals-resource.js';
import { powertrainTypeSchema, vehicleModeSchema } from './vehicles.js';

/** Header carrying the lowercase hex HMAC-SHA256 of the raw body, keyed with the management token (§4.4). */
export const WEBHOOK_SIGNATURE_HEADER = 'SC-Signature';
/** `meta.version` of v3 webhook events. */
export const WEBHOOK_EVENT_VERSION = '4.0';
/** A receiver must answer 2xx within this many milliseconds (reference §4.4). */
export const WEBHOOK_ATTEMPT_TIMEOUT_MS = 15_000;
/**
 * Seconds between successive attempts after a failure: 25 s after the first,
 * 50 s after the second, 100 s after the third (window 2 min 55 s, §4.4);
 * the event is dropped when the last retry fails.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [25, 50, 100] as const;

export const WEBHOOK_EVENT_TYPES = ['VERIFY', 'VEHICLE_STATE', 'VEHICLE_ERROR'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Epoch ms in the event samples, ISO in the VERIFY sample (⚠ §4.4): both parse. */
const timestamp = z.union([z.number(), z.string()]);

/** `VERIFY`: sent unsigned when a webhook is set up; answer `{ challenge: hmac }` with 200. */
export const verifyEventSchema = z.object({
  eventId: z.string().min(1),
  eventType: z.literal('VERIFY'),
  data: z.object({ challenge: z.string().min(1) }),
  meta: z.object({
    version: z.string(),
    webhookId: z.string(),
    webhookName: z.string(),
    deliveryId: z.string(),
    deliveredAt: timestamp,
  }),
});
export type VerifyEvent = z.infer<typeof verifyEventSchema>;

/** The receiver's answer to `VERIFY`: hex HMAC-SHA256 of the challenge keyed with the management token. */
export const verifyChallengeResponseSchema = z.object({ challenge: z.string().regex(/^[0-9a-f]{64}$/i) });

export const webhookUserSchema = z.object({ id: z.string().min(1), externalId: z.string().optional() });
export const webhookVehicleSchema = z.object({
  id: z.string().min(1),
  make: z.string(),
  model: z.string(),
  year: z.number().int(),
  mode: vehicleModeSchema.optional(),
  powertrainType: powertrainTypeSchema.optional(),
});

/** One signal in a `VEHICLE_STATE` payload: its reference, body, status and freshness (epoch ms). */
export const webhookSignalSchema = signalReferenceSchema.extend({
  body: z.unknown().optional(),
  status: signalStatusSchema,
  meta: z.object({ oemUpdatedAt: timestamp, retrievedAt: timestamp }),
});
export type WebhookSignal = z.infer<typeof webhookSignalSchema>;

/** Why a `VEHICLE_STATE` event was sent, in the Dashboard sample's `{type, signal}` form (the emulator's). */
export const webhookTriggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SIGNAL_UPDATED'), signal: signalReferenceSchema }),
  z.object({ type: z.literal('FIRST_DELIVERY') }),
]);
export type WebhookTrigger = z.infer<typeof webhookTriggerSchema>;

/** Both trigger shapes of the reference (⚠ §4.4): `{type, signal}` and the event page's `{code, name?, group?}`. */
export const webhookTriggerVariantsSchema = z.union([
  webhookTriggerSchema,
  z.object({ code: z.string().min(1), name: z.string().optional(), group: z.string().optional() }),
]);

/** `LIVE` for live connections, `TEST` for simulated ones. */
export const webhookModeSchema = z.enum(['LIVE', 'TEST']);

/** `VEHICLE_STATE`: a trigger signal changed, or a subscription was made (`FIRST_DELIVERY`). */
export const vehicleStateEventSchema = z.object({
  eventId: z.string().min(1),
  eventType: z.literal('VEHICLE_STATE'),
  data: z.object({
    user: webhookUserSchema,
    vehicle: webhookVehicleSchema,
    signals: z.array(webhookSignalSchema),
  }),
  triggers: z.array(webhookTriggerSchema).min(1),
  meta: z.object({
    version: z.string(),
    applicationId: z.string(),
    webhookId: z.string(),
    webhookName: z.string(),
    deliveryId: z.string(),
    deliveredAt: timestamp,
    mode: webhookModeSchema,
    sequence: z.number().int().nonnegative(),
    signalCount: z.number().int().nonnegative(),
  }),
});
export type VehicleStateEvent = z.infer<typeof vehicleStateEventSchema>;

/** One error of a `VEHICLE_ERROR` event; `state` is `ERROR` when new and `RESOLVED` when over. */
export const webhookVehicleErrorSchema = z.object({
  type: z.string(),
  code: z.string().nullable(),
  description: z.string(),
  docURL: z.string().nullable(),
  resolution: z.object({ type: z.string().nullable() }),
  suggestedUserMessage: z.string().nullable(),
  state: z.enum(['ERROR', 'RESOLVED']),
  signals: z.array(signalReferenceSchema).optional(),
});
export type WebhookVehicleError = z.infer<typeof webhookVehicleErrorSchema>;

/** `VEHICLE_ERROR`: sent to `errorCallbackUri` (else `callbackUri`) when a vehicle cannot report. */
export const vehicleErrorEventSchema = z.object({
  eventId: z.string().min(1),
  eventType: z.literal('VEHICLE_ERROR'),
  data: z.object({
    user: webhookUserSchema,
    vehicle: webhookVehicleSchema,
    errors: z.array(webhookVehicleErrorSchema).min(1),
  }),
  meta: z.object({
    version: z.string(),
    applicationId: z.string().optional(),
    webhookId: z.string(),
    webhookName: z.string().optional(),
    deliveryId: z.string(),
    deliveredAt: timestamp,
    mode: webhookModeSchema,
  }),
});
export type VehicleErrorEvent = z.infer<typeof vehicleErrorEventSchema>;

/** Any v3 webhook event, by `eventType`. */
export const webhookEventSchema = z.discriminatedUnion('eventType', [
  verifyEventSchema,
  vehicleStateEventSchema,
  vehicleErrorEventSchema,
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
