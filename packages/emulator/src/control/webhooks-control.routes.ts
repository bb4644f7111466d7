import { ERROR_CATALOGUE, type ErrorType } from '@paddock/contract';
import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { ALL, pageWindow } from '../management-api/query.js';
import { parsePage } from '../vehicle-api/pagination.js';
import { asValidation, readControlBody } from './control-json.js';
import { eventView, webhookView } from './control-views.js';
import type { EmulatorRuntime } from './runtime.js';

const vehicleErrorSchema = z
  .object({
    type: z
      .string()
      .refine((t) => t in ERROR_CATALOGUE, 'must be an error type of the catalogue')
      .default('VEHICLE_STATE'),
    code: z.string().min(1).nullable().default('UNREACHABLE'),
    description: z.string().min(1).default('The vehicle reported an error.'),
    state: z.enum(['ERROR', 'RESOLVED']).default('ERROR'),
    resolution: z
      .enum(['RETRY_LATER', 'REAUTHENTICATE', 'CONTACT_SUPPORT'])
      .nullable()
      .default('RETRY_LATER'),
    suggestedUserMessage: z.string().nullable().default(null),
    signals: z.array(z.string()).optional(),
  })
  .strict()
  .refine(
    (e) =>
      e.code === null || (ERROR_CATALOGUE[e.type as ErrorType].codes as readonly string[]).includes(e.code),
    { message: 'code must belong to the error type in the catalogue', path: ['code'] },
  );

const eventStates = z.enum(['pending', 'delivered', 'dropped']).optional();

/**
 * Webhooks on the control surface (Smartcar configures them in its
 * Dashboard): create, re-verify, see the outbox and every attempt, inject a
 * `VEHICLE_ERROR`.
 */
export function webhookControlRoutes(deps: EmulatorDeps, runtime: EmulatorRuntime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store, webhooks } = deps;
  const found = (id: string) => {
    const webhook = store.webhooks.findById(id);
    if (!webhook)
      throw new ApiError('RESOURCE_NOT_FOUND', 'WEBHOOK_NOT_FOUND', {
        detail: `Webhook with ID ${id} not found`,
      });
    return webhook;
  };
  const events = (url: string, webhookId?: string) => {
    const q = new URL(url).searchParams;
    const state = eventStates.safeParse(q.get('filter[state]') ?? undefined);
    if (!state.success) {
      throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
        detail: 'filter[state] must be pending, delivered or dropped.',
      });
    }
    const page = parsePage(q, 50);
    const { items, total } = store.outbox.list(
      { webhookId: webhookId ?? q.get('filter[webhookId]') ?? undefined, state: state.data },
      pageWindow(page),
    );
    return { data: items.map(eventView), meta: { ...page, totalCount: total } };
  };

  app.get('/_emulator/webhooks', (c) =>
    c.json({ data: store.webhooks.list({}, ALL).items.map(webhookView) }),
  );

  app.post('/_emulator/webhooks', async (c) => {
    const body = await readControlBody(c, z.unknown());
    let webhook: ReturnType<typeof webhooks.register>;
    try {
      webhook = webhooks.register(body);
    } catch (err) {
      asValidation(err);
    }
    await webhooks.settle();
    return c.json({ data: webhookView(store.webhooks.findById(webhook.id) ?? webhook) }, 201);
  });

  app.get('/_emulator/webhooks/:id', (c) => c.json({ data: webhookView(found(c.req.param('id'))) }));

  app.post('/_emulator/webhooks/:id/verify', async (c) => {
    await readControlBody(c, z.object({}).strict());
    const eventId = webhooks.verify(found(c.req.param('id')).id);
    await webhooks.settle();
    return c.json({ eventId, data: webhookView(found(c.req.param('id'))) });
  });

  app.get('/_emulator/webhooks/:id/deliveries', (c) =>
    c.json(events(c.req.url, found(c.req.param('id')).id)),
  );
  app.get('/_emulator/events', (c) => c.json(events(c.req.url)));
  app.get('/_emulator/events/:eventId', (c) => {
    const event = store.outbox.findById(c.req.param('eventId'));
    if (!event)
      throw new ApiError('RESOURCE_NOT_FOUND', null, { detail: `No event ${c.req.param('eventId')}.` });
    return c.json({ data: eventView(event) });
  });

  app.post('/_emulator/vehicles/:vehicleId/errors', async (c) => {
    const vehicleId = c.req.param('vehicleId');
    if (!store.vehicles.findById(vehicleId)) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', {
        detail: `Vehicle with ID ${vehicleId} not found`,
      });
    }
    const error = await readControlBody(c, vehicleErrorSchema);
    let queued: ReturnType<typeof webhooks.reportVehicleError>;
    try {
      queued = webhooks.reportVehicleError(vehicleId, error);
    } catch (err) {
      asValidation(err);
    }
    await webhooks.settle();
    runtime.changed();
    return c.json({ events: queued.map((e) => e.eventId) }, 202);
  });

  return app;
}
