import {
  WEBHOOK_ATTEMPT_TIMEOUT_MS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  type WebhookEventType,
} from '../webhooks.js';
import { type JsonObject, schemaRef } from './json-schemas.js';
import { pascalCase } from './naming.js';
import type { RequestSchemaName } from './schema-catalogue.js';

const ACKNOWLEDGE =
  `Any 2xx within ${WEBHOOK_ATTEMPT_TIMEOUT_MS / 1000} s acknowledges the delivery. Otherwise it is retried ` +
  `${WEBHOOK_RETRY_DELAYS_SECONDS.map((s) => `${s} s`).join(', ')} after each failed attempt, then dropped ` +
  '(reference §4.4).';

interface EventSpec {
  schema: RequestSchemaName;
  summary: string;
  signed: boolean;
  responses: JsonObject;
}

const EVENTS: Record<WebhookEventType, EventSpec> = {
  VERIFY: {
    schema: 'VerifyEvent',
    summary: 'Webhook set-up check, sent unsigned',
    signed: false,
    responses: {
      200: {
        description: 'The hex HMAC-SHA256 of `data.challenge`, keyed with the application management token.',
        content: { 'application/json': { schema: schemaRef('VerifyChallengeResponse') } },
      },
    },
  },
  VEHICLE_STATE: {
    schema: 'VehicleStateEvent',
    summary: 'A trigger signal changed, or a vehicle was subscribed (FIRST_DELIVERY)',
    signed: true,
    responses: { '2XX': { description: ACKNOWLEDGE } },
  },
  VEHICLE_ERROR: {
    schema: 'VehicleErrorEvent',
    summary: 'A vehicle cannot report, or can again; sent to the error callback URI if set',
    signed: true,
    responses: { '2XX': { description: ACKNOWLEDGE } },
  },
};

/**
 * The document's top-level `webhooks`: what Smartcar POSTs to a webhook's
 * callback URI, one entry per event type. The receiver is the application,
 * so these need no Smartcar credentials; signed events carry `SC-Signature`.
 */
export function buildWebhooks(): Record<string, JsonObject> {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((eventType) => {
      const { schema, summary, signed, responses } = EVENTS[eventType];
      const post: JsonObject = {
        tags: ['Management'],
        summary,
        operationId: `receive${pascalCase(eventType)}Event`,
        security: [],
        ...(signed ? { parameters: [{ $ref: '#/components/parameters/ScSignature' }] } : {}),
        requestBody: { required: true, content: { 'application/json': { schema: schemaRef(schema) } } },
        responses,
      };
      return [eventType, { post }];
    }),
  );
}
