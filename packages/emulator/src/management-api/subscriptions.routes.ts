import {
  type CreateSubscriptionResponse,
  createSubscriptionRequestSchema,
  SUBSCRIPTION_CREATED_MESSAGE,
  SUBSCRIPTION_FILTERS,
  SUBSCRIPTIONS_DEFAULT_PAGE_SIZE,
  type SubscriptionListResponse,
  type SubscriptionResponse,
  vehicleModeSchema,
} from '@paddock/contract';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { readJsonBody } from '../http/json-body.js';
import { originOf } from '../http/origin.js';
import type { SubscriptionRecord } from '../store/webhook-records.js';
import { pageLinks, parsePage } from '../vehicle-api/pagination.js';
import { managementAuth } from './management-auth.js';
import { pageWindow } from './query.js';
import { serializeSubscription } from './serializers.js';

/** The blog's form names the webhook in the path, so the body needs only the user and vehicle. */
const nestedCreateSchema = z.object({
  data: z.object({ attributes: z.object({ userId: z.string().min(1), vehicleId: z.string().min(1) }) }),
});

const notFound = (id: string) =>
  new ApiError('RESOURCE_NOT_FOUND', 'SUBSCRIPTION_NOT_FOUND', {
    detail: `Subscription with ID ${id} not found`,
  });

/**
 * Subscriptions (reference §4.2) in the spec's top-level form, plus the
 * blog's `/v3/webhooks/{id}/subscriptions` form as an alias.
 */
export function subscriptionRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store } = deps;
  const auth = managementAuth(deps);

  const modeOf = (s: SubscriptionRecord) =>
    store.connections.find(s.applicationId, s.userId, s.vehicleId)?.mode;
  const serialize = (origin: string, s: SubscriptionRecord) => {
    const vehicle = store.vehicles.findById(s.vehicleId);
    const mode = modeOf(s);
    if (!vehicle || !mode) throw new Error(`Subscription ${s.id} refers to a missing vehicle or connection`);
    return serializeSubscription(origin, s, vehicle, mode);
  };
  const own = (c: Context<EmulatorEnv>, id: string) => {
    const subscription = store.subscriptions.findById(id);
    if (!subscription || subscription.applicationId !== c.get('application').id || !modeOf(subscription)) {
      throw notFound(id);
    }
    return subscription;
  };

  const list = (c: Context<EmulatorEnv>, webhookId?: string) => {
    const url = new URL(c.req.url);
    const q = url.searchParams;
    const page = parsePage(q, SUBSCRIPTIONS_DEFAULT_PAGE_SIZE);
    const rawMode = q.get(SUBSCRIPTION_FILTERS.vehicleMode);
    // Like the connections list: simulated vehicles only when asked for.
    const mode = vehicleModeSchema.safeParse(rawMode ?? 'live');
    if (!mode.success) {
      throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
        detail: `${SUBSCRIPTION_FILTERS.vehicleMode} must be "live" or "simulated"; got "${rawMode}".`,
      });
    }
    const { items, total } = store.subscriptions.list(
      {
        applicationId: c.get('application').id,
        webhookId: webhookId ?? q.get(SUBSCRIPTION_FILTERS.webhookId) ?? undefined,
        userId: q.get(SUBSCRIPTION_FILTERS.userId) ?? undefined,
        vehicleId: q.get(SUBSCRIPTION_FILTERS.vehicleId) ?? undefined,
      },
      pageWindow(page),
      (s) => modeOf(s) === mode.data,
    );
    const body: SubscriptionListResponse = {
      data: items.map((s) => serialize(url.origin, s)),
      meta: { ...page, totalCount: total, orderBy: 'createdAt', orderDirection: 'DESC' },
      links: pageLinks(c.req.url, page, total),
    };
    return c.json(body);
  };

  const created = (c: Context<EmulatorEnv>) =>
    c.json({ meta: { message: SUBSCRIPTION_CREATED_MESSAGE } } satisfies CreateSubscriptionResponse, 202);

  app.get('/v3/subscriptions', auth, (c) => list(c));

  app.post('/v3/subscriptions', auth, async (c) => {
    const { attributes } = (await readJsonBody(c, createSubscriptionRequestSchema)).data;
    deps.webhooks.subscribe(c.get('application').id, attributes);
    return created(c);
  });

  app.get('/v3/subscriptions/:subscriptionId', auth, (c) => {
    const subscription = own(c, c.req.param('subscriptionId'));
    const body: SubscriptionResponse = { data: serialize(originOf(c.req.url), subscription) };
    return c.json(body);
  });

  app.delete('/v3/subscriptions/:subscriptionId', auth, (c) => {
    const subscription = own(c, c.req.param('subscriptionId'));
    deps.webhooks.unsubscribe(subscription.applicationId, subscription.id);
    return c.body(null, 204);
  });

  // The blog's form (reference §4.2 ⚠).
  app.get('/v3/webhooks/:webhookId/subscriptions', auth, (c) => list(c, c.req.param('webhookId')));

  app.post('/v3/webhooks/:webhookId/subscriptions', auth, async (c) => {
    const { attributes } = (await readJsonBody(c, nestedCreateSchema)).data;
    deps.webhooks.subscribe(c.get('application').id, { ...attributes, webhookId: c.req.param('webhookId') });
    return created(c);
  });

  /** Takes a subscription id, or a vehicle id (the blog's path is cut short after `su…`). */
  app.delete('/v3/webhooks/:webhookId/subscriptions/:ref', auth, (c) => {
    const webhookId = c.req.param('webhookId');
    const ref = c.req.param('ref');
    const applicationId = c.get('application').id;
    const byId = store.subscriptions.findById(ref);
    const matches =
      byId && byId.webhookId === webhookId
        ? [byId]
        : store.subscriptions.list(
            { applicationId, webhookId, vehicleId: ref },
            pageWindow({ pageNumber: 1, pageSize: 1000 }),
          ).items;
    const removed = matches.filter((s) => deps.webhooks.unsubscribe(applicationId, s.id));
    if (removed.length === 0) throw notFound(ref);
    return c.body(null, 204);
  });

  return app;
}
