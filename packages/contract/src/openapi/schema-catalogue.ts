import { z } from 'zod';
import {
  chargeScheduleExecutionResponseSchema,
  chargeScheduleExecutionSchema,
  dailyScheduleBodySchema,
  weeklyScheduleBodySchema,
  workweekScheduleBodySchema,
} from '../charge-schedules.js';
import {
  commandExecutionResponseSchema,
  commandExecutionSchema,
  emptyCommandBodySchema,
  executionStatusSchema,
  setChargeLimitBodySchema,
  setDestinationBodySchema,
} from '../commands.js';
import {
  connectionListResponseSchema,
  connectionResponseSchema,
  connectionSchema,
  guideConnectionSchema,
} from '../connections.js';
import { v3ErrorEnvelopeSchema, v3ErrorSchema } from '../errors.js';
import { oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from '../iam.js';
import {
  applicationListResponseSchema,
  applicationResponseSchema,
  applicationSchema,
  applicationSecretListResponseSchema,
  applicationSecretSchema,
  createSubscriptionRequestSchema,
  createSubscriptionResponseSchema,
  subscriptionListResponseSchema,
  subscriptionResponseSchema,
  subscriptionSchema,
  webhookListResponseSchema,
  webhookResponseSchema,
  webhookSchema,
} from '../management.js';
import { pageLinksSchema, pageMetaSchema } from '../pagination.js';
import {
  includedVehicleSchema,
  signalListResponseSchema,
  signalSchema,
  signalStatusSchema,
} from '../signals-resource.js';
import { vehicleAttributesSchema, vehicleResponseSchema, vehicleSchema } from '../vehicles.js';
import {
  vehicleErrorEventSchema,
  vehicleStateEventSchema,
  verifyChallengeResponseSchema,
  verifyEventSchema,
  webhookSignalSchema,
  webhookUserSchema,
  webhookVehicleErrorSchema,
  webhookVehicleSchema,
} from '../webhooks.js';

/**
 * Body of the blog's `POST /v3/webhooks/{webhookId}/subscriptions` (reference
 * §4.2 ⚠). The contract models only the spec's top-level body; this one is
 * derived from it so that the two cannot drift apart: the webhook id moves
 * from the body into the path.
 */
const nestedCreateSubscriptionRequestSchema = z.object({
  data: z.object({
    attributes: createSubscriptionRequestSchema.shape.data.shape.attributes.omit({ webhookId: true }),
  }),
});

/** A named component: the contract's zod schema and, where the shape needs a caveat, a description. */
export interface NamedSchema {
  schema: z.ZodType;
  description?: string;
}

const UNCONFIRMED_SCHEDULE =
  '⚠ Shape unconfirmed by Smartcar (reference §3.6); this is the contract’s choice. Not expressible here: ' +
  'a window’s startTime and stopTime must differ';

/**
 * Schemas received by the side that answers (request bodies, webhook events),
 * converted with zod's `input` view: what a parser of the contract accepts.
 */
export const REQUEST_SCHEMAS = {
  TokenRequest: { schema: tokenRequestSchema },
  EmptyCommandBody: { schema: emptyCommandBodySchema },
  SetChargeLimitBody: { schema: setChargeLimitBodySchema },
  SetDestinationBody: { schema: setDestinationBodySchema },
  DailyScheduleBody: { schema: dailyScheduleBodySchema, description: `${UNCONFIRMED_SCHEDULE}.` },
  WeeklyScheduleBody: {
    schema: weeklyScheduleBodySchema,
    description: `${UNCONFIRMED_SCHEDULE}, and each dayOfWeek may appear once.`,
  },
  WorkweekScheduleBody: { schema: workweekScheduleBodySchema, description: `${UNCONFIRMED_SCHEDULE}.` },
  CreateSubscriptionRequest: { schema: createSubscriptionRequestSchema },
  CreateWebhookSubscriptionRequest: {
    schema: nestedCreateSubscriptionRequestSchema,
    description: 'The blog’s nested form (reference §4.2 ⚠): the webhook is named by the path.',
  },
  VerifyEvent: { schema: verifyEventSchema },
  VehicleStateEvent: { schema: vehicleStateEventSchema },
  VehicleErrorEvent: { schema: vehicleErrorEventSchema },
  WebhookUser: { schema: webhookUserSchema },
  WebhookVehicle: { schema: webhookVehicleSchema },
  WebhookSignal: { schema: webhookSignalSchema },
  WebhookVehicleError: { schema: webhookVehicleErrorSchema },
} as const satisfies Record<string, NamedSchema>;

/** Schemas sent by the side that answers (described in zod's `input` view, as they go over the wire; see json-schemas.ts). */
export const RESPONSE_SCHEMAS = {
  TokenResponse: { schema: tokenResponseSchema },
  OAuthError: { schema: oauthErrorSchema },
  V3Error: { schema: v3ErrorSchema },
  V3ErrorEnvelope: { schema: v3ErrorEnvelopeSchema },
  PageMeta: { schema: pageMetaSchema },
  PageLinks: { schema: pageLinksSchema },
  VehicleAttributes: { schema: vehicleAttributesSchema },
  Vehicle: { schema: vehicleSchema },
  VehicleResponse: { schema: vehicleResponseSchema },
  Connection: { schema: connectionSchema },
  GuideConnection: {
    schema: guideConnectionSchema,
    description:
      'The getting-started guide’s flat shape (reference §11), which Paddock serves beside `data`.',
  },
  ConnectionListResponse: { schema: connectionListResponseSchema },
  ConnectionResponse: { schema: connectionResponseSchema },
  SignalStatus: { schema: signalStatusSchema },
  Signal: { schema: signalSchema },
  IncludedVehicle: { schema: includedVehicleSchema },
  SignalListResponse: { schema: signalListResponseSchema },
  ExecutionStatus: { schema: executionStatusSchema },
  CommandExecution: { schema: commandExecutionSchema },
  CommandExecutionResponse: { schema: commandExecutionResponseSchema },
  ChargeScheduleExecution: { schema: chargeScheduleExecutionSchema },
  ChargeScheduleExecutionResponse: { schema: chargeScheduleExecutionResponseSchema },
  Webhook: { schema: webhookSchema },
  WebhookResponse: { schema: webhookResponseSchema },
  WebhookListResponse: { schema: webhookListResponseSchema },
  Subscription: { schema: subscriptionSchema },
  SubscriptionResponse: { schema: subscriptionResponseSchema },
  SubscriptionListResponse: { schema: subscriptionListResponseSchema },
  CreateSubscriptionResponse: { schema: createSubscriptionResponseSchema },
  Application: {
    schema: applicationSchema,
    description: 'Paddock’s own shape: Smartcar documents the endpoint, not the resource (reference §4.3).',
  },
  ApplicationResponse: { schema: applicationResponseSchema },
  ApplicationListResponse: { schema: applicationListResponseSchema },
  ApplicationSecret: {
    schema: applicationSecretSchema,
    description: 'Paddock’s own shape: Smartcar documents the endpoint, not the resource (reference §4.3).',
  },
  ApplicationSecretListResponse: { schema: applicationSecretListResponseSchema },
  VerifyChallengeResponse: { schema: verifyChallengeResponseSchema },
} as const satisfies Record<string, NamedSchema>;

export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;
export type SchemaName = RequestSchemaName | ResponseSchemaName;

/** The request-side name of a contract schema (commands pick their body schema by value). */
export function requestSchemaName(schema: z.ZodType): RequestSchemaName {
  for (const [name, entry] of Object.entries(REQUEST_SCHEMAS)) {
    if (entry.schema === schema) return name as RequestSchemaName;
  }
  throw new Error('This schema is not in REQUEST_SCHEMAS; add it there to give it a component name.');
}
