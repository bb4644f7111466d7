import { SECRET_HINT_LENGTH, SUBSCRIPTION_CREATED_MESSAGE } from '../management.js';
import { LIST_ERRORS, RESOURCE_ERRORS, SUBSCRIBE_ERRORS } from './error-statuses.js';
import type { OperationSpec } from './operation-types.js';

const management = { surface: 'managementApi', tag: 'Management' } as const;

const SUBSCRIPTION_FILTERS = [
  'SubscriptionsFilterUserId',
  'SubscriptionsFilterVehicleId',
  'SubscriptionsFilterVehicleMode',
] as const;
const SUBSCRIPTION_PAGE = ['PageNumber', 'SubscriptionsPageSize'] as const;

const SUBSCRIBED = {
  202: {
    description: `Accepted: \`meta.message\` is "${SUBSCRIPTION_CREATED_MESSAGE}"; a FIRST_DELIVERY event follows.`,
    schema: 'CreateSubscriptionResponse',
  },
} as const;
const UNSUBSCRIBED = {
  204: { description: 'Unsubscribed (status unconfirmed, reference §4.2 ⚠).' },
} as const;

// The blog's nested subscription paths (reference §4.2 ⚠), which Paddock serves as aliases.
const BLOG_FORM = 'The blog’s nested form of the subscription endpoints (reference §4.2 ⚠).';

/** The Management API (reference §4): webhooks (read-only), subscriptions in both forms, applications. */
export const MANAGEMENT_OPERATIONS: readonly OperationSpec[] = [
  {
    ...management,
    operationId: 'listWebhooks',
    method: 'get',
    path: '/v3/webhooks',
    summary: 'List webhooks',
    description:
      'Webhooks are created and edited in the Dashboard only; the API reads them (reference §4.1).',
    parameters: [
      'WebhooksFilterName',
      'WebhooksFilterCallbackUri',
      'WebhooksFilterIsEnabled',
      'WebhooksFilterAutoSubscribe',
      'PageNumber',
      'WebhooksPageSize',
    ],
    responses: { 200: { description: 'A page of webhooks.', schema: 'WebhookListResponse' } },
    errors: LIST_ERRORS,
  },
  {
    ...management,
    operationId: 'getWebhook',
    method: 'get',
    path: '/v3/webhooks/{webhookId}',
    summary: 'Get a webhook',
    responses: { 200: { description: 'The webhook.', schema: 'WebhookResponse' } },
    errors: RESOURCE_ERRORS,
  },
  {
    ...management,
    operationId: 'listSubscriptions',
    method: 'get',
    path: '/v3/subscriptions',
    summary: 'List subscriptions',
    parameters: [...SUBSCRIPTION_FILTERS, 'SubscriptionsFilterWebhookId', ...SUBSCRIPTION_PAGE],
    responses: { 200: { description: 'A page of subscriptions.', schema: 'SubscriptionListResponse' } },
    errors: LIST_ERRORS,
  },
  {
    ...management,
    operationId: 'createSubscription',
    method: 'post',
    path: '/v3/subscriptions',
    summary: 'Subscribe a vehicle to a webhook',
    requestBody: { schema: 'CreateSubscriptionRequest', required: true },
    responses: SUBSCRIBED,
    errors: SUBSCRIBE_ERRORS,
  },
  {
    ...management,
    operationId: 'getSubscription',
    method: 'get',
    path: '/v3/subscriptions/{subscriptionId}',
    summary: 'Get a subscription',
    responses: { 200: { description: 'The subscription.', schema: 'SubscriptionResponse' } },
    errors: RESOURCE_ERRORS,
  },
  {
    ...management,
    operationId: 'deleteSubscription',
    method: 'delete',
    path: '/v3/subscriptions/{subscriptionId}',
    summary: 'Unsubscribe a vehicle',
    responses: UNSUBSCRIBED,
    errors: RESOURCE_ERRORS,
  },
  {
    ...management,
    operationId: 'listWebhookSubscriptions',
    method: 'get',
    path: '/v3/webhooks/{webhookId}/subscriptions',
    summary: 'List a webhook’s subscriptions',
    description: BLOG_FORM,
    parameters: [...SUBSCRIPTION_FILTERS, ...SUBSCRIPTION_PAGE],
    responses: { 200: { description: 'A page of subscriptions.', schema: 'SubscriptionListResponse' } },
    errors: LIST_ERRORS,
  },
  {
    ...management,
    operationId: 'createWebhookSubscription',
    method: 'post',
    path: '/v3/webhooks/{webhookId}/subscriptions',
    summary: 'Subscribe a vehicle to this webhook',
    description: BLOG_FORM,
    requestBody: { schema: 'CreateWebhookSubscriptionRequest', required: true },
    responses: SUBSCRIBED,
    errors: SUBSCRIBE_ERRORS,
  },
  {
    ...management,
    operationId: 'deleteWebhookSubscription',
    method: 'delete',
    path: '/v3/webhooks/{webhookId}/subscriptions/{subscriptionRef}',
    summary: 'Unsubscribe from this webhook',
    description: `${BLOG_FORM} The blog cuts the path short, so what the last segment names is unknown.`,
    responses: UNSUBSCRIBED,
    errors: RESOURCE_ERRORS,
  },
  {
    ...management,
    operationId: 'listApplications',
    method: 'get',
    path: '/v3/applications',
    summary: 'List applications',
    parameters: ['PageNumber', 'ApplicationsPageSize'],
    responses: { 200: { description: 'A page of applications.', schema: 'ApplicationListResponse' } },
    errors: LIST_ERRORS,
  },
  {
    ...management,
    operationId: 'getApplication',
    method: 'get',
    path: '/v3/applications/{applicationId}',
    summary: 'Get an application',
    responses: { 200: { description: 'The application.', schema: 'ApplicationResponse' } },
    errors: RESOURCE_ERRORS,
  },
  {
    ...management,
    operationId: 'listApplicationSecrets',
    method: 'get',
    path: '/v3/applications/{applicationId}/secrets',
    summary: 'List an application’s client secrets',
    description: `Never the secrets themselves: an id, a ${SECRET_HINT_LENGTH}-character hint and a creation time.`,
    parameters: ['PageNumber', 'ApplicationSecretsPageSize'],
    responses: {
      200: { description: 'A page of secrets.', schema: 'ApplicationSecretListResponse' },
    },
    errors: [...LIST_ERRORS, 404],
  },
];
