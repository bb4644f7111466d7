import { apiGet, connectOk, expectApiError, getToken, ORIGIN, setup } from './helpers/setup.js';
import { putSettings } from './helpers/vehicle-actions.js';

async function connected() {
  const t = setup();
  const user = await connectOk(t, { clientId: t.app.clientId, email: '2-vehicles@smartcar.com' });
  const token = await getToken(t, t.app);
  return { t, token, vehicleIds: user.vehicleIds as [string, string] };
}

describe("Smartcar's rate limits (reference §6)", () => {
  it('are off by default', async () => {
    const { t, token, vehicleIds } = await connected();
    expect(await (await t.fetch(`${ORIGIN}/_emulator/settings/rate-limits`)).json()).toEqual({
      enabled: false,
      application: { capacity: 120, refillPerMinute: 2 },
      vehicle: { capacity: 10, refillPerMinute: 6 },
    });
    for (let i = 0; i < 150; i++)
      expect((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status).toBe(200);
  });

  it('empty the application bucket after 120 requests: 429 SMARTCAR_API, refilled 2 per minute on the emulator clock', async () => {
    const { t, token } = await connected();
    await putSettings(t, 'rate-limits', { enabled: true });
    for (let i = 0; i < 120; i++) expect((await apiGet(t, '/v3/connections', token)).status).toBe(200);
    const res = await apiGet(t, '/v3/connections', token);
    expect(res.headers.get('retry-after')).toBe('30');
    await expectApiError(res, 429, 'RATE_LIMIT', 'SMARTCAR_API');
    t.clock.advance(29_000);
    await expectApiError(await apiGet(t, '/v3/connections', token), 429, 'RATE_LIMIT', 'SMARTCAR_API');
    t.clock.advance(1_000);
    expect((await apiGet(t, '/v3/connections', token)).status).toBe(200);
    await expectApiError(await apiGet(t, '/v3/connections', token), 429, 'RATE_LIMIT', 'SMARTCAR_API');
  });

  it('throttle one vehicle with 429 VEHICLE and retry-after, leaving the others alone', async () => {
    const { t, token, vehicleIds } = await connected();
    await putSettings(t, 'rate-limits', { enabled: true, vehicle: { capacity: 3, refillPerMinute: 1 } });
    for (let i = 0; i < 3; i++)
      expect((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status).toBe(200);
    const res = await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token);
    expect(res.headers.get('retry-after')).toBe('60');
    await expectApiError(res, 429, 'RATE_LIMIT', 'VEHICLE');
    expect((await apiGet(t, `/v3/vehicles/${vehicleIds[1]}`, token)).status).toBe(200);
    t.clock.advance(60_000);
    expect((await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token)).status).toBe(200);
  });

  it('keep no per-vehicle bucket for ids that name no vehicle (only the application bucket is spent)', async () => {
    const { t, token } = await connected();
    await putSettings(t, 'rate-limits', { enabled: true, vehicle: { capacity: 3, refillPerMinute: 1 } });
    for (let i = 0; i < 6; i++) {
      await expectApiError(
        await apiGet(t, '/v3/vehicles/no-such-vehicle', token),
        404,
        'RESOURCE_NOT_FOUND',
        'VEHICLE_NOT_FOUND',
      );
    }
  });

  it('cost nothing for requests without a valid token (they stay 401)', async () => {
    const { t, vehicleIds } = await connected();
    await putSettings(t, 'rate-limits', { enabled: true, application: { capacity: 1, refillPerMinute: 0 } });
    for (let i = 0; i < 5; i++) {
      await expectApiError(
        await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, 'bad'),
        401,
        'AUTHENTICATION',
        'UNAUTHORIZED',
      );
    }
  });

  it('turn off again and refuse bad settings', async () => {
    const { t, token } = await connected();
    await putSettings(t, 'rate-limits', { enabled: true, application: { capacity: 1, refillPerMinute: 0 } });
    expect((await apiGet(t, '/v3/connections', token)).status).toBe(200);
    await expectApiError(await apiGet(t, '/v3/connections', token), 429, 'RATE_LIMIT', 'SMARTCAR_API');
    expect(await putSettings(t, 'rate-limits', { enabled: false })).toMatchObject({ enabled: false });
    expect((await apiGet(t, '/v3/connections', token)).status).toBe(200);
    for (const body of [
      '{"enabled":"yes"}',
      '{"application":{"capacity":0,"refillPerMinute":1}}',
      '{"other":1}',
    ]) {
      const res = await t.fetch(`${ORIGIN}/_emulator/settings/rate-limits`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await expectApiError(res, 400, 'VALIDATION', 'INVALID_INPUT_FORMAT');
    }
  });
});
