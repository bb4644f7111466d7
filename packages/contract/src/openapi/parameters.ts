import { z } from 'zod';
import { CONNECTION_FILTERS, CONNECTIONS_DEFAULT_PAGE_SIZE } from '../connections.js';
import { HEADER_UNIT_SYSTEM, HEADER_USER_ID } from '../hosts.js';
import {
  APPLICATION_SECRETS_DEFAULT_PAGE_SIZE,
  APPLICATIONS_DEFAULT_PAGE_SIZE,
  SUBSCRIPTION_FILTERS,
  SUBSCRIPTIONS_DEFAULT_PAGE_SIZE,
  WEBHOOK_FILTERS,
  WEBHOOKS_DEFAULT_PAGE_SIZE,
} from '../management.js';
import { MAX_PAGE_SIZE, PAGE_NUMBER_PARAM, PAGE_SIZE_PARAM } from '../pagination.js';
import { SIGNAL_CODES } from '../signals.js';
import { UNIT_SYSTEMS } from '../signals-units.js';
import { vehicleModeSchema } from '../vehicles.js';
import { WEBHOOK_SIGNATURE_HEADER } from '../webhooks.js';
import { inlineSchema, type JsonObject } from './json-schemas.js';
import { capitalize } from './naming.js';

const id = inlineSchema(z.string().min(1));

const path = (name: string, description: string, schema: JsonObject = id): JsonObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});

/** Path parameters, keyed by the path template's name with a capital letter (see `pathParameterKey`). */
const PATH_PARAMETERS = {
  ConnectionId: path('connectionId', 'Connection id.'),
  UserId: path('userId', 'Smartcar user id, as Connect returned it.'),
  VehicleId: path('vehicleId', 'Smartcar vehicle id.'),
  // Not an enum: an unknown code is a documented 404 SIGNAL_NOT_FOUND, not a malformed request.
  SignalCode: path('signalCode', 'Signal code, `<group>-<name>` in lower case.', {
    ...id,
    examples: [...SIGNAL_CODES],
  }),
  ExecutionId: path('executionId', 'Command execution id (`exec_…`).'),
  ScheduleId: path('scheduleId', 'Charge schedule id (`sch_…`).'),
  WebhookId: path('webhookId', 'Webhook id.'),
  SubscriptionId: path('subscriptionId', 'Subscription id.'),
  SubscriptionRef: path(
    'subscriptionRef',
    'A subscription id; Paddock also takes a vehicle id, since the blog’s path is cut short (reference §4.2 ⚠).',
  ),
  ApplicationId: path('applicationId', 'Application id.'),
};

/** The component key of a path template's parameter: `{vehicleId}` → `VehicleId`. */
export function pathParameterKey(templateName: string): string {
  return capitalize(templateName);
}

const HEADER_PARAMETERS = {
  ScUserId: {
    name: HEADER_USER_ID,
    in: 'header',
    required: true,
    description: 'The Smartcar user whose connection to the vehicle is used (reference §3.1).',
    schema: id,
  },
  ScUserIdFilter: {
    name: HEADER_USER_ID,
    in: 'header',
    required: false,
    description: `Same as \`${CONNECTION_FILTERS.userId}\` (reference §3.2, unverified).`,
    schema: id,
  },
  ScUnitSystem: {
    name: HEADER_UNIT_SYSTEM,
    in: 'header',
    required: false,
    description: 'Units of signal bodies.',
    schema: inlineSchema(z.enum(UNIT_SYSTEMS).default('metric')),
  },
  ScSignature: {
    name: WEBHOOK_SIGNATURE_HEADER,
    in: 'header',
    required: true,
    // The contract checks signatures in code, not with a schema; the reference gives the encoding.
    description:
      'Lower-case hex HMAC-SHA256 of the raw body, keyed with the application management token (reference §4.4).',
    schema: inlineSchema(z.string()),
  },
} satisfies Record<string, JsonObject>;

const pageSize = (defaultSize: number): JsonObject => ({
  name: PAGE_SIZE_PARAM,
  in: 'query',
  required: false,
  schema: inlineSchema(z.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultSize)),
});

const PAGE_PARAMETERS = {
  PageNumber: {
    name: PAGE_NUMBER_PARAM,
    in: 'query',
    required: false,
    description: '1-based page number.',
    schema: inlineSchema(z.number().int().min(1).default(1)),
  },
  ConnectionsPageSize: pageSize(CONNECTIONS_DEFAULT_PAGE_SIZE),
  WebhooksPageSize: pageSize(WEBHOOKS_DEFAULT_PAGE_SIZE),
  SubscriptionsPageSize: pageSize(SUBSCRIPTIONS_DEFAULT_PAGE_SIZE),
  ApplicationsPageSize: pageSize(APPLICATIONS_DEFAULT_PAGE_SIZE),
  ApplicationSecretsPageSize: pageSize(APPLICATION_SECRETS_DEFAULT_PAGE_SIZE),
} satisfies Record<string, JsonObject>;

/** Value schemas of filters, by the key the contract's filter tables use. */
const FILTER_VALUES: Record<string, JsonObject> = {
  vehicleMode: inlineSchema(vehicleModeSchema.default('live')),
  isEnabled: inlineSchema(z.boolean()),
  autoSubscribe: inlineSchema(z.boolean()),
};

/** `<Prefix>Filter<Key>` parameters from one of the contract's filter tables. */
function filterParameters(prefix: string, filters: Record<string, string>): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.entries(filters).map(([key, name]) => [
      `${prefix}Filter${capitalize(key)}`,
      { name, in: 'query', required: false, schema: FILTER_VALUES[key] ?? id },
    ]),
  );
}

/** `components.parameters`: every path, header and query parameter the operations name. */
export function buildParameterComponents(): Record<string, JsonObject> {
  return {
    ...PATH_PARAMETERS,
    ...HEADER_PARAMETERS,
    ...PAGE_PARAMETERS,
    ...filterParameters('Connections', CONNECTION_FILTERS),
    ...filterParameters('Webhooks', WEBHOOK_FILTERS),
    ...filterParameters('Subscriptions', SUBSCRIPTION_FILTERS),
  };
}
