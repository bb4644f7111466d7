import {
  applicationListResponseSchema,
  applicationResponseSchema,
  createSubscriptionResponseSchema,
  subscriptionListResponseSchema,
  subscriptionResponseSchema,
  vehicleStateEventSchema,
  webhookListResponseSchema,
  webhookResponseSchema,
} from '@paddock/contract';
import { addApplication, apiGet, connectOk, expectApiError, getToken, ORIGIN } from './helpers/setup.js';
import {
  connectVehicle,
  createWebhook,
  subscribeVia,
  type WebhookTest,
  webhookSetup,
} from './helpers/webhooks.js';

const basic = (token: string) => `Basic ${Buffer.from(`default:${token}`).toString('base64')}`;

async function withWebhooks(t: WebhookTest) {
  const first = await createWebhook(t, { name: 'Battery' });
  t.rx.setBehaviour('fail');
  const second = await createWebhook(t, {
    name: 'Locks',
    autoSubscribe: true,
    triggers: ['closure-islocked'],
  });
  t.rx.setBehaviour('verify');
  return { first, second, token: await getToken(t, t.app) };
}

describe('Management API: authentication', () => {
  it('takes a Bearer app token or Basic default:<management token>, and nothing else', async () => {
    const t = webhookSetup();
    await expectApiError(await apiGet(t, '/v3/webhooks'), 401, 'AUTHENTICATION', 'UNAUTHORIZED');
    const viaBasic = await apiGet(t, '/v3/webhooks', undefined, {
      authorization: basic(t.app.managementToken),
    });
    expect(viaBasic.status).toBe(200);
    webhookListResponseSchema.parse(await viaBasic.json());
    const wrong = await apiGet(t, '/v3/webhooks', undefined, { authorization: basic('not-it') });
    await expectApiError(wrong, 401, 'AUTHENTICATION', 'UNAUTHORIZED');
    const badUser = `Basic ${Buffer.from(`admin:${t.app.managementToken}`).toString('base64')}`;
    await expectApiError(
      await apiGet(t, '/v3/webhooks', undefined, { authorization: badUser }),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
  });
});

describe('Management API: webhooks', () => {
  it('lists the application’s webhooks with the documented filters and a page size of 50 by default', async () => {
    const t = webhookSetup();
    const { first, second, token } = await withWebhooks(t);
    const all = webhookListResponseSchema.parse(await (await apiGet(t, '/v3/webhooks', token)).json());
    expect(all.data.map((w) => w.id)).toEqual([second, first]);
    expect(all.meta).toMatchObject({ pageNumber: 1, pageSize: 50, totalCount: 2 });
    expect(all.data[1]!.attributes).toMatchObject({
      name: 'Battery',
      isEnabled: true,
      autoSubscribe: false,
      triggers: [{ group: 'TractionBattery', name: 'StateOfCharge', code: 'tractionbattery-stateofcharge' }],
      data: [{ group: 'Charge', name: 'IsCharging', code: 'charge-ischarging' }],
    });
    const filter = async (q: string) =>
      webhookListResponseSchema
        .parse(await (await apiGet(t, `/v3/webhooks?${q}`, token)).json())
        .data.map((w) => w.id);
    expect(await filter('filter[isEnabled]=false')).toEqual([second]);
    expect(await filter('filter[autoSubscribe]=true')).toEqual([second]);
    expect(await filter('filter[name]=Battery')).toEqual([first]);
    expect(await filter(`filter[callbackUri]=${encodeURIComponent('https://elsewhere.test/')}`)).toEqual([]);
    const paged = webhookListResponseSchema.parse(
      await (await apiGet(t, '/v3/webhooks?page[size]=1&page[number]=2', token)).json(),
    );
    expect(paged.data.map((w) => w.id)).toEqual([first]);
    expect(paged.links.prev).toContain('page%5Bnumber%5D=1');
    await expectApiError(
      await apiGet(t, '/v3/webhooks?page[size]=101', token),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
    await expectApiError(
      await apiGet(t, '/v3/webhooks?filter[isEnabled]=yes', token),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
  });

  it('gets one webhook; an unknown one or another application’s is 404', async () => {
    const t = webhookSetup();
    const { first, token } = await withWebhooks(t);
    const res = await apiGet(t, `/v3/webhooks/${first}`, token);
    const body = webhookResponseSchema.parse(await res.json());
    expect(body.data.links.self).toBe(`${ORIGIN}/v3/webhooks/${first}`);
    await expectApiError(
      await apiGet(t, '/v3/webhooks/nope', token),
      404,
      'RESOURCE_NOT_FOUND',
      'WEBHOOK_NOT_FOUND',
    );
    const other = addApplication(t.emulator);
    const otherToken = await getToken(t, other);
    await expectApiError(
      await apiGet(t, `/v3/webhooks/${first}`, otherToken),
      404,
      'RESOURCE_NOT_FOUND',
      'WEBHOOK_NOT_FOUND',
    );
  });
});

describe('Management API: subscriptions', () => {
  it('creates with 202, then 409 for the same vehicle; a FIRST_DELIVERY follows', async () => {
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    const res = await subscribeVia(t, token, { webhookId, userId, vehicleId });
    expect(res.status).toBe(202);
    expect(createSubscriptionResponseSchema.parse(await res.json())).toEqual({
      meta: { message: 'subscription creation in progress' },
    });
    await t.emulator.webhooks.settle();
    const [first] = t.rx.of('VEHICLE_STATE');
    expect(vehicleStateEventSchema.parse(first!.json).triggers).toEqual([{ type: 'FIRST_DELIVERY' }]);

    const again = await subscribeVia(t, token, { webhookId, userId, vehicleId });
    await expectApiError(again, 409, 'VALIDATION', 'ALREADY_SUBSCRIBED');
  });

  it('answers 404 for an unknown webhook, user or vehicle and 400 for a bad body', async () => {
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    await expectApiError(
      await subscribeVia(t, token, { webhookId: 'x', userId, vehicleId }),
      404,
      'RESOURCE_NOT_FOUND',
      'WEBHOOK_NOT_FOUND',
    );
    await expectApiError(
      await subscribeVia(t, token, { webhookId, userId: 'x', vehicleId }),
      404,
      'RESOURCE_NOT_FOUND',
      'USER_NOT_FOUND',
    );
    await expectApiError(
      await subscribeVia(t, token, { webhookId, userId, vehicleId: 'x' }),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
    await expectApiError(
      await subscribeVia(t, token, { webhookId, userId }),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
    const notJson = await t.fetch(`${ORIGIN}/v3/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"data":',
    });
    await expectApiError(notJson, 400, 'VALIDATION', 'INVALID_INPUT_FORMAT');
  });

  it('lists (live by default, filters), gets and deletes subscriptions', async () => {
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const live = await connectVehicle(t);
    const { token } = live;
    const sim = await connectOk(t, { clientId: t.app.clientId, email: 'sim@example.com', mode: 'simulated' });
    expect(
      (await subscribeVia(t, token, { webhookId, userId: live.userId, vehicleId: live.vehicleId })).status,
    ).toBe(202);
    expect(
      (await subscribeVia(t, token, { webhookId, userId: sim.userId, vehicleId: sim.vehicleIds[0]! })).status,
    ).toBe(202);

    const list = async (q = '') =>
      subscriptionListResponseSchema.parse(await (await apiGet(t, `/v3/subscriptions${q}`, token)).json());
    const liveList = await list();
    expect(liveList.meta).toMatchObject({ pageSize: 25, totalCount: 1 });
    expect(liveList.data[0]!.relationships.vehicle.data.id).toBe(live.vehicleId);
    expect(liveList.data[0]!.attributes.vehicle.mode).toBe('live');
    const simList = await list('?filter[vehicle.mode]=simulated');
    expect(simList.data.map((s) => s.relationships.user.data.id)).toEqual([sim.userId]);
    expect((await list(`?filter[webhookId]=${webhookId}&filter[userId]=${live.userId}`)).data).toHaveLength(
      1,
    );
    expect((await list('?filter[vehicleId]=other')).data).toHaveLength(0);
    await expectApiError(
      await apiGet(t, '/v3/subscriptions?filter[vehicle.mode]=x', token),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );

    const id = liveList.data[0]!.id;
    const one = subscriptionResponseSchema.parse(
      await (await apiGet(t, `/v3/subscriptions/${id}`, token)).json(),
    );
    expect(one.data.relationships.webhook.data.id).toBe(webhookId);
    const del = await t.fetch(`${ORIGIN}/v3/subscriptions/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(204);
    await expectApiError(
      await apiGet(t, `/v3/subscriptions/${id}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      'SUBSCRIPTION_NOT_FOUND',
    );
    expect((await list()).data).toHaveLength(0);
  });

  it('accepts the blog’s /v3/webhooks/{id}/subscriptions form', async () => {
    const t = webhookSetup();
    const webhookId = await createWebhook(t);
    const { userId, vehicleId, token } = await connectVehicle(t);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const path = `${ORIGIN}/v3/webhooks/${webhookId}/subscriptions`;
    const created = await t.fetch(path, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ data: { attributes: { userId, vehicleId } } }),
    });
    expect(created.status).toBe(202);
    const listed = subscriptionListResponseSchema.parse(await (await apiGet(t, path, token)).json());
    expect(listed.data).toHaveLength(1);
    const removed = await t.fetch(`${path}/${vehicleId}`, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(204);
    await expectApiError(
      await t.fetch(`${path}/${vehicleId}`, { method: 'DELETE', headers: auth }),
      404,
      'RESOURCE_NOT_FOUND',
      'SUBSCRIPTION_NOT_FOUND',
    );
  });

  it('auto-subscribes vehicles connected after an autoSubscribe webhook was created, once', async () => {
    const t = webhookSetup();
    await createWebhook(t, { autoSubscribe: true });
    const { token } = await connectVehicle(t);
    await t.emulator.webhooks.settle();
    const list = subscriptionListResponseSchema.parse(
      await (await apiGet(t, '/v3/subscriptions', token)).json(),
    );
    expect(list.data).toHaveLength(1);
    expect(t.rx.of('VEHICLE_STATE')).toHaveLength(1);
    const del = await t.fetch(`${ORIGIN}/v3/subscriptions/${list.data[0]!.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(204);
    await t.emulator.runtime.tick();
    const after = subscriptionListResponseSchema.parse(
      await (await apiGet(t, '/v3/subscriptions', token)).json(),
    );
    expect(after.data).toHaveLength(0);
  });
});

describe('Management API: applications', () => {
  it('lists and gets the token’s own application, never a secret', async () => {
    const t = webhookSetup();
    const token = await getToken(t, t.app);
    const list = applicationListResponseSchema.parse(
      await (await apiGet(t, '/v3/applications', token)).json(),
    );
    expect(list.data).toHaveLength(1);
    const [app] = list.data;
    expect(app!.attributes.clientId).toBe(t.app.clientId);
    const one = await apiGet(t, `/v3/applications/${app!.id}`, token);
    const text = await one.clone().text();
    expect(applicationResponseSchema.parse(await one.json()).data.id).toBe(app!.id);
    expect(text).not.toContain(t.app.clientSecret);
    expect(text).not.toContain(t.app.managementToken);
    await expectApiError(
      await apiGet(t, '/v3/applications/other', token),
      404,
      'RESOURCE_NOT_FOUND',
      'APPLICATION_NOT_FOUND',
    );
  });
});
