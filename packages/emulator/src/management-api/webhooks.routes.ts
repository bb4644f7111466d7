import {
  WEBHOOK_FILTERS,
  WEBHOOKS_DEFAULT_PAGE_SIZE,
  type WebhookListResponse,
  type WebhookResponse,
} from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { pageLinks, parsePage } from '../vehicle-api/pagination.js';
import { managementAuth } from './management-auth.js';
import { booleanFilter, pageWindow } from './query.js';
import { serializeWebhook } from './serializers.js';

/** `GET /v3/webhooks` and `GET /v3/webhooks/{id}` (reference §4.1): the token's application only. */
export function webhookRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const auth = managementAuth(deps);

  app.get('/v3/webhooks', auth, (c) => {
    const url = new URL(c.req.url);
    const q = url.searchParams;
    const page = parsePage(q, WEBHOOKS_DEFAULT_PAGE_SIZE);
    const { items, total } = deps.store.webhooks.list(
      {
        applicationId: c.get('application').id,
        name: q.get(WEBHOOK_FILTERS.name) ?? undefined,
        callbackUri: q.get(WEBHOOK_FILTERS.callbackUri) ?? undefined,
        isEnabled: booleanFilter(WEBHOOK_FILTERS.isEnabled, q.get(WEBHOOK_FILTERS.isEnabled)),
        autoSubscribe: booleanFilter(WEBHOOK_FILTERS.autoSubscribe, q.get(WEBHOOK_FILTERS.autoSubscribe)),
      },
      pageWindow(page),
    );
    const body: WebhookListResponse = {
      data: items.map((w) => serializeWebhook(url.origin, w)),
      meta: { ...page, totalCount: total, orderBy: 'createdAt', orderDirection: 'DESC' },
      links: pageLinks(c.req.url, page, total),
    };
    return c.json(body);
  });

  app.get('/v3/webhooks/:webhookId', auth, (c) => {
    const id = c.req.param('webhookId');
    const webhook = deps.store.webhooks.findById(id);
    if (!webhook || webhook.applicationId !== c.get('application').id) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'WEBHOOK_NOT_FOUND', {
        detail: `Webhook with ID ${id} not found`,
      });
    }
    const body: WebhookResponse = { data: serializeWebhook(originOf(c.req.url), webhook) };
    return c.json(body);
  });

  return app;
}
