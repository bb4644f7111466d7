import { connectionListResponseSchema, connectionResponseSchema } from '@paddock/contract';
import {
  addApplication,
  apiGet,
  connectOk,
  expectApiError,
  getToken,
  ORIGIN,
  setup,
  type TestEmulator,
} from './helpers/setup.js';

function apiDelete(t: TestEmulator, path: string, token?: string) {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return t.fetch(`${ORIGIN}${path}`, { method: 'DELETE', headers });
}

async function listAll(t: TestEmulator, token: string, query = '') {
  const res = await apiGet(t, `/v3/connections?filter[vehicle.mode]=simulated&page[size]=100${query}`, token);
  expect(res.status).toBe(200);
  return connectionListResponseSchema.parse(await res.json());
}

describe('GET /v3/connections/{id} by vehicle id (the blog’s form)', () => {
  it('resolves a vehicle id to its connection, with or without the owner’s sc-user-id', async () => {
    const t = setup();
    const clientId = t.app.clientId;
    const a = await connectOk(t, {
      clientId,
      email: '2-vehicles@smartcar.com',
      permissions: ['read_battery'],
    });
    const token = await getToken(t, t.app);
    for (const [i, vehicleId] of a.vehicleIds.entries()) {
      for (const headers of [{}, { 'sc-user-id': a.userId }] as Record<string, string>[]) {
        const res = await apiGet(t, `/v3/connections/${vehicleId}`, token, headers);
        expect(res.status).toBe(200);
        const body = connectionResponseSchema.parse(await res.json());
        expect(body.data.id).toBe(a.connectionIds[i]);
        expect(body.data.relationships.vehicle.data.id).toBe(vehicleId);
        expect(body.data.attributes.permissions).toEqual(['read_battery']);
      }
    }
    const byConnection = await apiGet(t, `/v3/connections/${a.connectionIds[0]}`, token);
    expect(connectionResponseSchema.parse(await byConnection.json()).data.id).toBe(a.connectionIds[0]);
  });

  it('is 404 CONNECTION_NOT_FOUND for another application’s vehicle and for a user without it', async () => {
    const t = setup();
    const other = addApplication(t.emulator);
    const mine = await connectOk(t, { clientId: t.app.clientId, email: 'me@example.com' });
    const theirs = await connectOk(t, { clientId: other.clientId, email: 'them@example.com' });
    const token = await getToken(t, t.app);
    await expectApiError(
      await apiGet(t, `/v3/connections/${theirs.vehicleIds[0]}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      'CONNECTION_NOT_FOUND',
    );
    await expectApiError(
      await apiGet(t, `/v3/connections/${mine.vehicleIds[0]}`, token, { 'sc-user-id': theirs.userId }),
      404,
      'RESOURCE_NOT_FOUND',
      'CONNECTION_NOT_FOUND',
    );
  });
});

describe('DELETE /v3/connections/{id}', () => {
  it('answers 204 and only that connection disappears', async () => {
    const t = setup();
    const a = await connectOk(t, { clientId: t.app.clientId, email: '3-vehicles@smartcar.com' });
    const [gone, ...kept] = a.connectionIds;
    const token = await getToken(t, t.app);

    const res = await apiDelete(t, `/v3/connections/${gone}`, token);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('sc-request-id')).toBeTruthy();

    await expectApiError(
      await apiGet(t, `/v3/connections/${gone}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      'CONNECTION_NOT_FOUND',
    );
    const left = await listAll(t, token, `&filter[userId]=${a.userId}`);
    expect(left.data.map((c) => c.id).sort()).toEqual([...kept].sort());
    expect(left.data.map((c) => c.relationships.vehicle.data.id)).not.toContain(a.vehicleIds[0]);
  });

  it('makes the vehicle unknown to the application once its last connection goes', async () => {
    const t = setup();
    const a = await connectOk(t, {
      clientId: t.app.clientId,
      email: 'solo@example.com',
      vehicles: undefined,
    });
    const token = await getToken(t, t.app);
    const vehicleId = a.vehicleIds[0]!;
    expect((await apiDelete(t, `/v3/connections/${a.connectionIds[0]}`, token)).status).toBe(204);
    await expectApiError(
      await apiGet(t, `/v3/vehicles/${vehicleId}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
  });

  it('is 404 for an unknown id, a second delete and another application’s connection; 401 without a token', async () => {
    const t = setup();
    const other = addApplication(t.emulator);
    const mine = await connectOk(t, { clientId: t.app.clientId, email: 'me@example.com' });
    const theirs = await connectOk(t, { clientId: other.clientId, email: 'them@example.com' });
    const token = await getToken(t, t.app);
    for (const id of ['no-such-connection', theirs.connectionIds[0]!]) {
      await expectApiError(
        await apiDelete(t, `/v3/connections/${id}`, token),
        404,
        'RESOURCE_NOT_FOUND',
        'CONNECTION_NOT_FOUND',
      );
    }
    expect((await apiDelete(t, `/v3/connections/${mine.connectionIds[0]}`, token)).status).toBe(204);
    await expectApiError(
      await apiDelete(t, `/v3/connections/${mine.connectionIds[0]}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      'CONNECTION_NOT_FOUND',
    );
    await expectApiError(
      await apiDelete(t, `/v3/connections/${mine.connectionIds[0]}`),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
    // The other application's connection is untouched.
    const theirToken = await getToken(t, other);
    expect((await apiGet(t, `/v3/connections/${theirs.connectionIds[0]}`, theirToken)).status).toBe(200);
  });
});

describe('DELETE /v3/users/{id}', () => {
  it('removes every connection of the user to this application and none of another’s', async () => {
    const t = setup();
    const other = addApplication(t.emulator);
    const email = '3-vehicles@smartcar.com';
    const mine = await connectOk(t, { clientId: t.app.clientId, email });
    const theirs = await connectOk(t, { clientId: other.clientId, email });
    const bystander = await connectOk(t, { clientId: t.app.clientId, email: 'bystander@example.com' });
    expect(mine.userId).toBe(theirs.userId);
    const token = await getToken(t, t.app);

    const res = await apiDelete(t, `/v3/users/${mine.userId}`, token);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await listAll(t, token, `&filter[userId]=${mine.userId}`)).meta.totalCount).toBe(0);
    expect((await listAll(t, token, `&filter[userId]=${bystander.userId}`)).meta.totalCount).toBe(
      bystander.connectionIds.length,
    );
    const theirToken = await getToken(t, other);
    expect((await listAll(t, theirToken, `&filter[userId]=${theirs.userId}`)).meta.totalCount).toBe(3);
  });

  it('is 404 for a user with no connection to the application (unknown, or already deleted); 401 without a token', async () => {
    const t = setup();
    const a = await connectOk(t, { clientId: t.app.clientId, email: 'a@example.com' });
    const token = await getToken(t, t.app);
    expect((await apiDelete(t, `/v3/users/${a.userId}`, token)).status).toBe(204);
    const error = await expectApiError(
      await apiDelete(t, `/v3/users/${a.userId}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
    expect(error.detail).toContain(a.userId);
    await expectApiError(
      await apiDelete(t, '/v3/users/nobody', token),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
    await expectApiError(await apiDelete(t, `/v3/users/${a.userId}`), 401, 'AUTHENTICATION', 'UNAUTHORIZED');
  });
});
