import { ConflictError, NotFoundError, type WebhookEvent } from '../src/index.js';
import { APP, createHarness, type Harness } from './emulator-harness.js';

/** Management API methods and webhook receiving against the in-process emulator (reference §4). */

const CALLBACK = 'https://receiver.test/webhooks/smartcar';

/**
 * A receiver built on the SDK: it verifies and parses each delivery with
 * `webhooks.unwrap` on the raw body and answers VERIFY with `answerChallenge`,
 * exactly as the README's node:http example does.
 */
function sdkReceiver() {
  const events: WebhookEvent[] = [];
  const refused: string[] = [];
  let h: Harness | undefined;
  const state = { reformat: false };
  const receiver = async (_url: string, init: RequestInit): Promise<Response> => {
    const sdk = h!.client();
    // `reformat` plays a proxy or middleware that hands on the same JSON with other bytes.
    const raw = state.reformat ? JSON.stringify(JSON.parse(String(init.body)), null, 2) : String(init.body);
    try {
      const event = sdk.webhooks.unwrap(raw, new Headers(init.headers).get('sc-signature'));
      events.push(event);
      if (event.type === 'VERIFY') return Response.json(sdk.webhooks.answerChallenge(event.challenge));
      return new Response(null, { status: 204 });
    } catch (error) {
      refused.push(String(error));
      return new Response(null, { status: 401 });
    }
  };
  return {
    events,
    refused,
    receiver,
    state,
    attach(harness: Harness) {
      h = harness;
    },
  };
}

let rx: ReturnType<typeof sdkReceiver>;
let h: Harness;
beforeEach(() => {
  rx = sdkReceiver();
  h = createHarness({ receiver: rx.receiver });
  rx.attach(h);
});
afterEach(async () => {
  await h.settled();
  expect(h.violations).toEqual([]);
});

async function createWebhook(extra: Record<string, unknown> = {}) {
  const res = await h.control('/_emulator/webhooks', {
    clientId: APP.clientId,
    name: 'Battery updates',
    callbackUri: CALLBACK,
    triggers: ['tractionbattery-stateofcharge'],
    data: ['charge-ischarging'],
    ...extra,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  await h.emulator.webhooks.settle();
  return ((await res.json()) as { data: { id: string } }).data.id;
}

describe('webhooks', () => {
  test('the SDK answers VERIFY, which enables the webhook; list and retrieve read it', async () => {
    const id = await createWebhook();
    const verify = rx.events.find((e) => e.type === 'VERIFY');
    expect(verify).toMatchObject({ type: 'VERIFY', legacy: false, meta: { webhookId: id } });
    expect(verify?.meta.deliveredAt).toBeInstanceOf(Date);

    const sdk = h.client();
    const webhook = await sdk.webhooks.retrieve(id);
    expect(webhook).toMatchObject({
      id,
      name: 'Battery updates',
      callbackUri: CALLBACK,
      isEnabled: true,
      autoSubscribe: false,
      triggers: [{ code: 'tractionbattery-stateofcharge', name: 'StateOfCharge', group: 'TractionBattery' }],
      data: [{ code: 'charge-ischarging' }],
    });
    expect(webhook.createdAt).toBeInstanceOf(Date);
    const list = await sdk.webhooks.list({ isEnabled: true });
    expect(list.data.map((w) => w.id)).toContain(id);
    await expect(sdk.webhooks.retrieve('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(h.checked).toEqual(expect.arrayContaining(['webhook 200', 'webhook list 200']));
  });
});

describe('subscriptions', () => {
  test('create (202), FIRST_DELIVERY verified by the SDK, list, retrieve, duplicate, delete', async () => {
    const webhookId = await createWebhook();
    const user = await h.connect('owner@tesla.example', {
      make: 'TESLA',
      permissions: ['read_vehicle_info', 'read_battery', 'read_charge'],
    });
    const vehicleId = user.vehicleIds[0]!;
    const sdk = h.client();

    const created = await sdk.subscriptions.create({ webhookId, userId: user.userId, vehicleId });
    expect(created).toEqual({ status: 202, message: 'subscription creation in progress' });
    await h.emulator.webhooks.settle();

    const state = rx.events.find((e) => e.type === 'VEHICLE_STATE');
    expect(rx.refused).toEqual([]);
    expect(state?.type).toBe('VEHICLE_STATE');
    if (state?.type === 'VEHICLE_STATE') {
      expect(state.triggers).toContainEqual({ type: 'FIRST_DELIVERY' });
      expect(state.vehicle.id).toBe(vehicleId);
      expect(state.user.id).toBe(user.userId);
      expect(state.signals.map((s) => s.code)).toContain('charge-ischarging');
      expect(state.meta.deliveredAt).toBeInstanceOf(Date);
    }

    const page = await sdk.subscriptions.list({ webhookId });
    expect(page.data).toHaveLength(1);
    const [subscription] = page.data;
    expect(subscription).toMatchObject({ webhookId, userId: user.userId, vehicleId });
    expect(await sdk.subscriptions.retrieve(subscription!.id)).toEqual(subscription);

    const duplicate = await sdk.subscriptions
      .create({ webhookId, userId: user.userId, vehicleId })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(duplicate).toMatchObject({ status: 409 });

    await sdk.subscriptions.delete(subscription!.id);
    expect((await sdk.subscriptions.list({ webhookId })).data).toEqual([]);
    expect(h.checked).toEqual(
      expect.arrayContaining([
        'subscription created 202',
        'subscription list 200',
        'subscription 200',
        'v3 error 409',
      ]),
    );
  });

  test('a delivery whose bytes changed on the way (same JSON, other spacing) is refused', async () => {
    const webhookId = await createWebhook();
    const user = await h.connect('owner@tesla.example', {
      make: 'TESLA',
      permissions: ['read_vehicle_info', 'read_battery', 'read_charge'],
    });
    rx.state.reformat = true;
    await h.client().subscriptions.create({ webhookId, userId: user.userId, vehicleId: user.vehicleIds[0]! });
    await h.emulator.webhooks.settle();
    expect(rx.events.filter((e) => e.type === 'VEHICLE_STATE')).toEqual([]);
    expect(rx.refused.length).toBeGreaterThan(0);
    expect(rx.refused[0]).toMatch(/WebhookSignatureError: SC-Signature does not match the raw body/);
  });
});

describe('applications', () => {
  test('list and retrieve; an unknown id is NotFoundError', async () => {
    const sdk = h.client();
    const page = await sdk.applications.list();
    expect(page.data).toHaveLength(1);
    const [app] = page.data;
    expect(app?.clientId).toBe(APP.clientId);
    expect(app?.redirectUris).toEqual(APP.redirectUris);
    expect(JSON.stringify(app)).not.toContain(APP.clientSecret);
    expect(await sdk.applications.retrieve(app!.id)).toEqual(app);
    await expect(sdk.applications.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
    expect(h.checked).toEqual(expect.arrayContaining(['application list 200', 'application 200']));
  });

  test('listSecrets: id, hint and creation time, never the value; another application is NotFoundError', async () => {
    // The harness's own secret is too short for a hint; this application's is long enough to spare four characters.
    const long = {
      clientId: 'client_secrets',
      clientSecret: 'a-long-enough-client-secret-7Kq2',
      managementToken: 'amt-secrets',
      redirectUris: APP.redirectUris,
    };
    const { id: longId } = h.emulator.registerApplication(long);
    const sdk = h.client({ clientId: long.clientId, clientSecret: long.clientSecret });
    const page = await sdk.applications.listSecrets(longId);
    expect(page.totalCount).toBe(1);
    expect(page.hasNextPage()).toBe(false);
    const [secret] = page.data;
    expect(secret).toMatchObject({
      applicationId: longId,
      hint: '7Kq2',
      createdAt: new Date(h.clock.now()),
      attributes: { hint: '7Kq2' },
    });
    expect(JSON.stringify(page.data)).not.toContain(long.clientSecret);
    expect(JSON.stringify(page.response?.body)).not.toContain(long.clientSecret);
    const walked = [];
    for await (const s of sdk.applications.listSecrets(longId, { pageSize: 1 })) walked.push(s);
    expect(walked).toEqual(page.data);

    const own = (await h.client().applications.list()).data[0]!;
    const short = (await h.client().applications.listSecrets(own.id)).data[0];
    expect(short?.applicationId).toBe(own.id);
    expect(short?.hint).toBeUndefined();

    await expect(sdk.applications.listSecrets(own.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(() => sdk.applications.listSecrets('')).toThrow(TypeError);
    expect(() => sdk.applications.listSecrets(longId, { pageSize: 101 })).toThrow(TypeError);
    expect(h.checked).toContain('application secret list 200');
  });
});
