import {
  type ConnectionListResponse,
  connectionListResponseSchema,
  connectionResponseSchema,
} from '@paddock/contract';
import {
  addApplication,
  apiGet,
  connectOk,
  expectApiError,
  getToken,
  ORIGIN,
  setup,
} from './helpers/setup.js';

async function list(
  t: ReturnType<typeof setup>,
  token: string,
  query = '',
  headers?: Record<string, string>,
) {
  const res = await apiGet(t, `/v3/connections${query}`, token, headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('sc-request-id')).toBeTruthy();
  return connectionListResponseSchema.parse(await res.json());
}

/** Five simulated and one live connection, created one minute apart. */
async function populate(t: ReturnType<typeof setup>) {
  const clientId = t.app.clientId;
  const a = await connectOk(t, { clientId, email: '3-vehicles@smartcar.com', make: 'TESLA' });
  t.clock.advance(60_000);
  const b = await connectOk(t, {
    clientId,
    email: '2-vehicles@smartcar.com',
    make: 'BMW',
    externalId: 'cust-b',
  });
  t.clock.advance(60_000);
  const live = await connectOk(t, { clientId, email: 'live@example.com', mode: 'live', vehicles: undefined });
  return { a, b, live, token: await getToken(t, t.app) };
}

describe('GET /v3/connections', () => {
  it('serves the §3.2 envelope and the guide’s connections array, describing the same connections', async () => {
    const t = setup();
    const { live, token } = await populate(t);
    const body = await list(t, token);
    expect(body.meta).toEqual({
      pageNumber: 1,
      pageSize: 10,
      totalCount: live.connectionIds.length,
      orderBy: 'createdAt',
      orderDirection: 'DESC',
    });
    expect(body.connections).toHaveLength(body.data.length);
    body.data.forEach((c, i) => {
      const flat = body.connections[i]!;
      expect(flat).toEqual({
        vehicleId: c.relationships.vehicle.data.id,
        userId: c.attributes.user.id,
        connectedAt: c.meta.createdAt,
        permissions: c.attributes.permissions,
        mode: 'live',
      });
      expect(c.attributes.vehicle.mode).toBe('live');
      expect(c.attributes.vehicle.make).toMatch(/^[A-Z]+$/);
      expect(c.links.self).toBe(`${ORIGIN}/v3/connections/${c.id}`);
      expect(c.relationships.vehicle.links?.related).toBe(`${ORIGIN}/v3/vehicles/${flat.vehicleId}`);
    });
  });

  it('hides simulated connections unless filter[vehicle.mode]=simulated', async () => {
    const t = setup();
    const { a, b, live, token } = await populate(t);
    expect((await list(t, token)).data.map((c) => c.id).sort()).toEqual([...live.connectionIds].sort());
    const simulated = await list(t, token, '?filter[vehicle.mode]=simulated');
    expect(simulated.meta.totalCount).toBe(5);
    expect(simulated.data.map((c) => c.id).sort()).toEqual([...a.connectionIds, ...b.connectionIds].sort());
    expect(simulated.connections.every((c) => c.mode === 'simulated')).toBe(true);
  });

  it('orders by createdAt, newest first', async () => {
    const t = setup();
    const { a, b, token } = await populate(t);
    const body = await list(t, token, '?filter[vehicle.mode]=simulated');
    const createdAt = body.data.map((c) => Date.parse(c.meta.createdAt));
    expect(createdAt).toEqual([...createdAt].sort((x, y) => y - x));
    expect(new Set(body.data.slice(0, 2).map((c) => c.id))).toEqual(new Set(b.connectionIds));
    expect(new Set(body.data.slice(2).map((c) => c.id))).toEqual(new Set(a.connectionIds));
  });

  it('filters by filter[userId], the sc-user-id header, filter[vehicleId] and filter[user.externalId]', async () => {
    const t = setup();
    const { a, b, token } = await populate(t);
    const sim = '?filter[vehicle.mode]=simulated';
    const byFilter = await list(t, token, `${sim}&filter[userId]=${a.userId}`);
    expect(byFilter.connections.map((c) => c.userId)).toEqual([a.userId, a.userId, a.userId]);
    const byHeader = await list(t, token, sim, { 'sc-user-id': b.userId });
    expect(byHeader.data.map((c) => c.id).sort()).toEqual([...b.connectionIds].sort());
    const byVehicle = await list(t, token, `${sim}&filter[vehicleId]=${a.vehicleIds[1]}`);
    expect(byVehicle.connections.map((c) => c.vehicleId)).toEqual([a.vehicleIds[1]]);
    const byExternal = await list(t, token, `${sim}&filter[user.externalId]=cust-b`);
    expect(byExternal.meta.totalCount).toBe(2);
    expect(byExternal.data[0]!.attributes.user.externalId).toBe('cust-b');
    expect((await list(t, token, `${sim}&filter[userId]=nobody`)).data).toEqual([]);
  });

  it('paginates through links.next until it is null', async () => {
    const t = setup();
    const clientId = t.app.clientId;
    for (let i = 0; i < 5; i++) {
      await connectOk(t, {
        clientId,
        email: `page${i}@example.com`,
        make: 'KIA',
        vehicles: undefined,
        mode: 'live',
      });
      t.clock.advance(1000);
    }
    const token = await getToken(t, t.app);
    const first = await list(t, token, '?page[size]=2');
    const total = first.meta.totalCount;
    expect(first.links.self).toBe(`${ORIGIN}/v3/connections?page%5Bnumber%5D=1&page%5Bsize%5D=2`);
    expect(first.links.prev).toBeNull();
    expect(first.links.last).toContain(`page%5Bnumber%5D=${Math.ceil(total / 2)}`);

    const seen: string[] = [];
    let body: ConnectionListResponse = first;
    let pages = 1;
    seen.push(...body.data.map((c) => c.id));
    while (body.links.next) {
      expect(body.links.next.startsWith(`${ORIGIN}/v3/connections?`)).toBe(true);
      body = connectionListResponseSchema.parse(await (await apiGet(t, body.links.next, token)).json());
      seen.push(...body.data.map((c) => c.id));
      pages++;
      expect(body.links.prev).not.toBeNull();
    }
    expect(pages).toBe(Math.ceil(total / 2));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('keeps filters in pagination links, on the request’s origin', async () => {
    const t = setup();
    const { a, token } = await populate(t);
    const res = await t.fetch(
      `http://other.host:9999/v3/connections?filter[vehicle.mode]=simulated&filter[userId]=${a.userId}&page[size]=1`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const body = connectionListResponseSchema.parse(await res.json());
    const next = new URL(body.links.next!);
    expect(next.origin).toBe('http://other.host:9999');
    expect(next.searchParams.get('filter[userId]')).toBe(a.userId);
    expect(next.searchParams.get('filter[vehicle.mode]')).toBe('simulated');
    expect(next.searchParams.get('page[number]')).toBe('2');
  });

  it('returns an empty page past the end', async () => {
    const t = setup();
    const { token } = await populate(t);
    const body = await list(t, token, '?page[number]=50');
    expect(body.data).toEqual([]);
    expect(body.connections).toEqual([]);
    expect(body.links.next).toBeNull();
  });

  it.each([
    ['page[size]=0'],
    ['page[size]=101'],
    ['page[size]=abc'],
    ['page[size]=2.5'],
    ['page[number]=0'],
    ['page[number]=-1'],
    ['filter[vehicle.mode]=test'],
  ])('rejects %s with 400 VALIDATION / INVALID_INPUT_FORMAT', async (query) => {
    const t = setup();
    const token = await getToken(t, t.app);
    const error = await expectApiError(
      await apiGet(t, `/v3/connections?${query}`, token),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
    expect(error.detail).toContain(query.split('=')[0]);
  });

  it('only ever shows the token’s own application’s connections', async () => {
    const t = setup();
    await populate(t);
    const other = addApplication(t.emulator);
    const token = await getToken(t, other);
    expect((await list(t, token)).meta.totalCount).toBe(0);
    expect((await list(t, token, '?filter[vehicle.mode]=simulated')).meta.totalCount).toBe(0);
  });

  it('answers 401 without a valid bearer token', async () => {
    const t = setup();
    for (const auth of [undefined, 'Basic abc', 'Bearer', 'Bearer not-a-token']) {
      const res = await t.fetch(`${ORIGIN}/v3/connections`, { headers: auth ? { authorization: auth } : {} });
      await expectApiError(res, 401, 'AUTHENTICATION', 'UNAUTHORIZED');
    }
  });
});

describe('GET /v3/connections/{id}', () => {
  it('returns one connection of the application and 404 for others', async () => {
    const t = setup();
    const { a, token } = await populate(t);
    const res = await apiGet(t, `/v3/connections/${a.connectionIds[0]}`, token);
    expect(connectionResponseSchema.parse(await res.json()).data.id).toBe(a.connectionIds[0]);
    const otherToken = await getToken(t, addApplication(t.emulator));
    const error = await expectApiError(
      await apiGet(t, `/v3/connections/${a.connectionIds[0]}`, otherToken),
      404,
      'RESOURCE_NOT_FOUND',
      'CONNECTION_NOT_FOUND',
    );
    expect(error.detail).toBe(`Connection with ID ${a.connectionIds[0]} not found`);
  });
});
