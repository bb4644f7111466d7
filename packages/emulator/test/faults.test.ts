import { vehicleResponseSchema } from '@paddock/contract';
import {
  apiGet,
  connectOk,
  expectApiError,
  getToken,
  ORIGIN,
  setup,
  type TestEmulator,
} from './helpers/setup.js';

async function addFault(t: TestEmulator, body: unknown) {
  const res = await t.fetch(`${ORIGIN}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
}

async function connected() {
  const t = setup();
  const user = await connectOk(t, { clientId: t.app.clientId, email: '2-vehicles@smartcar.com' });
  const token = await getToken(t, t.app);
  return { t, token, vehicleIds: user.vehicleIds as [string, string] };
}

describe('fault injection (/_emulator/faults)', () => {
  it('answers the injected error in the v3 envelope with its catalogue status, retry-after, for count requests', async () => {
    const { t, token, vehicleIds } = await connected();
    const created = await addFault(t, { type: 'RATE_LIMIT', code: 'VEHICLE', retryAfter: 7, count: 2 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'RATE_LIMIT', code: 'VEHICLE', remaining: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token);
      expect(res.headers.get('retry-after')).toBe('7');
      await expectApiError(res, 429, 'RATE_LIMIT', 'VEHICLE');
    }
    expect((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status).toBe(200);
    const list = await (await t.fetch(`${ORIGIN}/_emulator/faults`)).json();
    expect(list).toEqual({ faults: [] });
  });

  it('matches by path glob, method and vehicle', async () => {
    const { t, token, vehicleIds } = await connected();
    await addFault(t, { type: 'UPSTREAM', code: 'NO_RESPONSE', vehicleId: vehicleIds[1] });
    await addFault(t, { type: 'SERVER', code: 'INTERNAL', pathPattern: '/v3/connections', method: 'get' });
    expect((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status).toBe(200);
    await expectApiError(
      await apiGet(t, `/v3/vehicles/${vehicleIds[1]}`, token),
      502,
      'UPSTREAM',
      'NO_RESPONSE',
    );
    await expectApiError(await apiGet(t, '/v3/connections', token), 500, 'SERVER', 'INTERNAL');
    const del = await t.fetch(`${ORIGIN}/v3/connections/none`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    await expectApiError(del, 404, 'RESOURCE_NOT_FOUND', 'CONNECTION_NOT_FOUND');

    await addFault(t, { type: 'VEHICLE_STATE', code: 'ASLEEP', pathPattern: '/v3/vehicles/*/commands/**' });
    const lock = await t.fetch(`${ORIGIN}/v3/vehicles/${vehicleIds[0]}/commands/security/lock`, {
      method: 'POST',
    });
    await expectApiError(lock, 409, 'VEHICLE_STATE', 'ASLEEP');
    expect((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status).toBe(200);
  });

  it('overrides the status when asked (a 504 gateway timeout) and adds latency', async () => {
    const { t, token, vehicleIds } = await connected();
    await addFault(t, { type: 'UPSTREAM', code: 'NO_RESPONSE', status: 504, latencyMs: 60, count: 1 });
    const started = performance.now();
    const res = await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    await expectApiError(res, 504, 'UPSTREAM', 'NO_RESPONSE');
  });

  it('a latency-only fault delays and lets the request through', async () => {
    const { t, token, vehicleIds } = await connected();
    await addFault(t, { latencyMs: 60, count: 1 });
    const started = performance.now();
    const res = await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(vehicleResponseSchema.parse(await res.json()).data.id).toBe(vehicleIds[0]);
  });

  it('draws its probability from the seed: the same runs fail the same requests', async () => {
    const outcomes = async () => {
      const { t, token, vehicleIds } = await connected();
      await addFault(t, { type: 'UPSTREAM', code: 'UNKNOWN_ISSUE', probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++)
        statuses.push((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status);
      return statuses;
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    const failed = first.filter((s) => s === 502).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
  });

  it('lists and deletes faults; 404 for an unknown id; refuses bad specs', async () => {
    const { t } = await connected();
    const { body } = await addFault(t, { type: 'BILLING', code: 'VEHICLE_REQUEST_LIMIT' });
    const list = (await (await t.fetch(`${ORIGIN}/_emulator/faults`)).json()) as { faults: { id: string }[] };
    expect(list.faults.map((f) => f.id)).toEqual([body.id]);
    expect((await t.fetch(`${ORIGIN}/_emulator/faults/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectApiError(
      await t.fetch(`${ORIGIN}/_emulator/faults/${body.id}`, { method: 'DELETE' }),
      404,
      'RESOURCE_NOT_FOUND',
      null as never,
    );
    for (const bad of [
      { type: 'NOPE' },
      { type: 'RATE_LIMIT', code: 'ASLEEP' },
      { code: 'VEHICLE' },
      {},
      { type: 'SERVER', probability: 2 },
      { type: 'SERVER', status: 200 },
      { type: 'SERVER', extra: true },
    ]) {
      const res = await addFault(t, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });
});
