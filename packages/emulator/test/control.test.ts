import { inputsOf } from './helpers/browser.js';
import { runConnectFlow } from './helpers/connect-flow.js';
import { apiGet, connectOk, connectViaApi, getToken, setup } from './helpers/setup.js';

describe('POST /_emulator/connect', () => {
  it('matches the pages: same user id and vehicle ids for the same email and brand', async () => {
    const t = setup();
    const email = 'twin@example.com';
    const { redirect, grantPage } = await runConnectFlow(t, { email, make: 'TESLA' });
    const api = await connectOk(t, { clientId: t.app.clientId, email, make: 'TESLA' });
    expect(api.userId).toBe(redirect.searchParams.get('user_id'));
    expect(api.vehicleIds).toEqual(inputsOf(grantPage!, 'vehicle').map((v) => v.value));
    expect(api.connectionIds).toHaveLength(api.vehicleIds.length);
  });

  it('reuses the connections the pages created and adds permissions', async () => {
    const t = setup();
    const email = '2-vehicles@smartcar.com';
    const first = await connectOk(t, { clientId: t.app.clientId, email });
    const second = await connectOk(t, { clientId: t.app.clientId, email, permissions: ['read_battery'] });
    expect(second.connectionIds).toEqual(first.connectionIds);
    const token = await getToken(t, t.app);
    const res = await apiGet(
      t,
      `/v3/connections?filter[vehicle.mode]=simulated&filter[userId]=${first.userId}`,
      token,
    );
    const body = (await res.json()) as { connections: { permissions: string[] }[] };
    expect(body.connections.map((c) => c.permissions)).toEqual([
      ['read_battery', 'read_vehicle_info'],
      ['read_battery', 'read_vehicle_info'],
    ]);
  });

  it('connects only the chosen vehicles, by VIN or by id', async () => {
    const t = setup();
    const all = await connectOk(t, {
      clientId: t.app.clientId,
      email: '4-vehicles@smartcar.com',
      mode: 'live',
    });
    const t2 = setup();
    const byId = await connectOk(t2, {
      clientId: t2.app.clientId,
      email: '4-vehicles@smartcar.com',
      vehicles: [all.vehicleIds[2]!],
    });
    expect(byId.vehicleIds).toEqual([all.vehicleIds[2]]);

    const token = await getToken(t, t.app);
    const vehicle = (await (
      await apiGet(t, `/v3/connections?filter[vehicleId]=${all.vehicleIds[0]}`, token)
    ).json()) as {
      data: { id: string }[];
    };
    expect(vehicle.data).toHaveLength(1);
  });

  it('refuses an unknown client and bad input with 400', async () => {
    const t = setup();
    const cases = [
      [{ clientId: 'nope', email: 'a@example.com' }, 'invalid_client'],
      [{ clientId: t.app.clientId, email: 'not-an-email' }, 'invalid_request'],
      [{ clientId: t.app.clientId, email: 'a@example.com', permissions: ['read_minds'] }, 'invalid_request'],
      [{ clientId: t.app.clientId, email: 'a@example.com', mode: 'test' }, 'invalid_request'],
      [
        { clientId: t.app.clientId, email: 'a@example.com', vehicles: ['no-such-vehicle'] },
        'invalid_request',
      ],
      [{ clientId: t.app.clientId, email: 'a@example.com', make: 'TRABANT' }, 'invalid_request'],
      [{ clientId: t.app.clientId, email: 'a@example.com', surprise: true }, 'invalid_request'],
    ] as const;
    for (const [body, error] of cases) {
      const res = await connectViaApi(t, body as never);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error });
      expect(typeof res.body.error_description).toBe('string');
    }
    const raw = await t.fetch('/_emulator/connect', { method: 'POST', body: '{oops' });
    expect(raw.status).toBe(400);
  });

  it('answers the magic error logins with 409 and the Connect error code', async () => {
    const t = setup();
    const sub = await connectViaApi(t, {
      clientId: t.app.clientId,
      email: 'smartcar@invalid-subscription.com',
    });
    expect(sub).toMatchObject({ status: 409, body: { error: 'invalid_subscription' } });
    const inc = await connectViaApi(t, {
      clientId: t.app.clientId,
      email: 'smartcar@vehicle-incompatible.com',
    });
    expect(inc).toMatchObject({ status: 409, body: { error: 'vehicle_incompatible' } });
    expect(inc.body.vin).toMatch(/^[A-Z0-9]{17}$/);
  });
});

describe('POST /_emulator/connect from a web page', () => {
  it('refuses a body that is not sent as application/json (no cross-site form or text/plain post)', async () => {
    const { setup } = await import('./helpers/setup.js');
    const t = setup();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await t.fetch('/_emulator/connect', {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: JSON.stringify({ clientId: t.app.clientId, email: 'cross-site@example.com' }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
  });
});
