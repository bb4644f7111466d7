import { ConflictError, InvalidResponseError, SmartcarClient } from '../src/index.js';
import { CREDENTIALS, fakeSmartcar, type Handler, json, recordingSleep, v3Error } from './fake-smartcar.js';
import { fixture } from './load-fixture.js';

function setup(handler: Handler) {
  const fake = fakeSmartcar(handler);
  const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch, sleep: recordingSleep().sleep });
  return { fake, client };
}

const list = (item: unknown, next: string | null = null) => ({
  data: [item],
  meta: { pageNumber: 1, pageSize: 1, totalCount: next ? 2 : 1 },
  links: { self: '', first: '', last: '', next, prev: null },
});

describe('connections and users (§3.2)', () => {
  test('retrieve, delete and users.delete', async () => {
    const { fake, client } = setup((req) =>
      req.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, fixture('connection')),
    );
    const connection = await client.connections.retrieve('c5d1c0d0');
    await expect(client.connections.delete('c5d1c0d0')).resolves.toBeUndefined();
    await expect(client.users.delete('8f3f/0')).resolves.toBeUndefined();
    expect(connection).toMatchObject({
      id: 'c5d1c0d0-0000-4000-8000-000000000001',
      externalId: 'customer-1234',
    });
    expect(fake.apiCalls().map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /v3/connections/c5d1c0d0',
      'DELETE /v3/connections/c5d1c0d0',
      'DELETE /v3/users/8f3f%2F0',
    ]);
    expect(() => client.users.delete('')).toThrow(TypeError);
  });

  test('a forUser view filters the connection list on its user', async () => {
    const { fake, client } = setup(() => json(200, { connections: [] }));
    await client.forUser('alice').connections.list();
    const [req] = fake.apiCalls();
    expect(req?.url.searchParams.get('filter[userId]')).toBe('alice');
    expect(req?.headers.get('sc-user-id')).toBe('alice');
  });
});

describe('Management API (§4)', () => {
  test('webhooks go to the management origin with their filters', async () => {
    const { fake, client } = setup((req) =>
      req.url.pathname === '/v3/webhooks'
        ? json(200, list(fixture<{ data: unknown }>('webhook').data))
        : json(200, fixture('webhook')),
    );
    const page = await client.webhooks.list({ isEnabled: true, name: 'Battery updates', pageSize: 50 });
    const webhook = await client.webhooks.retrieve('9d5c');
    const [listReq, getReq] = fake.apiCalls();
    expect(listReq?.url.origin).toBe('https://management.api.smartcar.com');
    expect(Object.fromEntries(listReq?.url.searchParams ?? [])).toEqual({
      'filter[isEnabled]': 'true',
      'filter[name]': 'Battery updates',
      'page[size]': '50',
    });
    expect(getReq?.url.toString()).toBe('https://management.api.smartcar.com/v3/webhooks/9d5c');
    expect(getReq?.headers.get('authorization')).toBe('Bearer tok-1');
    expect(page.data[0]?.triggers[0]?.code).toBe('tractionbattery-stateofcharge');
    expect(webhook.errorCallbackUri).toBe('https://example.com/webhooks/smartcar-errors');
    expect(() => client.webhooks.list({ isEnabled: 'yes' as never })).toThrow(TypeError);
  });

  test('subscriptions: list walks links.next with its filters, create posts the envelope, delete', async () => {
    const item = fixture<{ data: unknown }>('subscription').data;
    const next =
      'https://management.api.smartcar.com/v3/subscriptions?filter%5BwebhookId%5D=w1&page%5Bnumber%5D=2';
    const { fake, client } = setup((req) => {
      if (req.method === 'POST') return json(202, fixture('subscription-created'));
      if (req.method === 'DELETE') return new Response(null, { status: 204 });
      if (req.url.pathname === '/v3/subscriptions') {
        return json(200, list(item, req.url.searchParams.get('page[number]') === '2' ? null : next));
      }
      return json(200, fixture('subscription'));
    });
    const all = [];
    for await (const s of client.subscriptions.list({ webhookId: 'w1', vehicleMode: 'simulated' }))
      all.push(s);
    expect(all).toHaveLength(2);
    const created = await client.subscriptions.create({ webhookId: 'w1', userId: 'u1', vehicleId: 'v1' });
    expect(created).toEqual({ status: 202, message: 'subscription creation in progress' });
    const one = await client.subscriptions.retrieve('2a0e');
    await client.subscriptions.delete('2a0e');
    const calls = fake.apiCalls();
    expect(calls[0]?.url.searchParams.get('filter[vehicle.mode]')).toBe('simulated');
    expect(calls[1]?.url.searchParams.get('page[number]')).toBe('2');
    expect(JSON.parse(calls[2]?.body ?? '')).toEqual({
      data: { attributes: { webhookId: 'w1', userId: 'u1', vehicleId: 'v1' } },
    });
    expect(one.webhookId).toBe('9d5c0000-0000-4000-8000-000000000001');
    expect(calls.at(-1)?.method).toBe('DELETE');
  });

  test('subscribing twice is a ConflictError', async () => {
    const { client } = setup(() => json(409, v3Error(409, 'VALIDATION', 'ALREADY_SUBSCRIBED')));
    await expect(
      client.subscriptions.create({ webhookId: 'w', userId: 'u', vehicleId: 'v' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  test('applications keep every attribute', async () => {
    const app = {
      id: 'app-1',
      type: 'application',
      attributes: {
        name: 'Paddock',
        clientId: 'client_1',
        redirectUris: ['http://localhost:8000/exchange'],
        tier: 'free',
      },
      links: { self: '/v3/applications/app-1' },
      meta: { createdAt: '2026-05-01T00:00:00Z' },
    };
    const { client } = setup((req) =>
      json(200, req.url.pathname === '/v3/applications' ? list(app) : { data: app }),
    );
    const page = await client.applications.list();
    const one = await client.applications.retrieve('app-1');
    expect(page.data[0]).toEqual(one);
    expect(one).toMatchObject({
      name: 'Paddock',
      clientId: 'client_1',
      redirectUris: ['http://localhost:8000/exchange'],
      createdAt: new Date('2026-05-01T00:00:00Z'),
      attributes: { tier: 'free' },
    });
  });

  test('application secrets are read tolerantly, with the path-encoded id the call names', async () => {
    const described = {
      id: 'sec-1',
      type: 'application-secret',
      attributes: { hint: 'Qz9x', label: 'production' },
      relationships: { application: { data: { type: 'application', id: 'app-1' } } },
      meta: { createdAt: '2026-05-01T00:00:00Z' },
    };
    // Another dialect: no relationship, the time among the attributes, no hint.
    const flat = { id: 'sec-2', type: 'secret', attributes: { createdAt: '2026-04-01T00:00:00Z' } };
    const next = 'https://management.api.smartcar.com/v3/applications/app%2F1/secrets?page%5Bnumber%5D=2';
    const { fake, client } = setup((req) =>
      json(200, req.url.searchParams.get('page[number]') === '2' ? list(flat) : list(described, next)),
    );
    const secrets = [];
    for await (const secret of client.applications.listSecrets('app/1', { pageSize: 1 }))
      secrets.push(secret);
    expect(secrets).toEqual([
      {
        id: 'sec-1',
        applicationId: 'app-1',
        hint: 'Qz9x',
        createdAt: new Date('2026-05-01T00:00:00Z'),
        attributes: { hint: 'Qz9x', label: 'production' },
        links: {},
      },
      {
        id: 'sec-2',
        applicationId: 'app/1',
        createdAt: new Date('2026-04-01T00:00:00Z'),
        attributes: { createdAt: '2026-04-01T00:00:00Z' },
        links: {},
      },
    ]);
    expect(fake.apiCalls().map((c) => `${c.url.pathname}${c.url.search}`)).toEqual([
      '/v3/applications/app%2F1/secrets?page%5Bsize%5D=1',
      '/v3/applications/app%2F1/secrets?page%5Bnumber%5D=2',
    ]);
  });

  test('a secret without an id is an InvalidResponseError', async () => {
    const { client } = setup(() => json(200, list({ type: 'application-secret', attributes: {} })));
    await expect(client.applications.listSecrets('app-1')).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
