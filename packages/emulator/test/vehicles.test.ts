import { vehicleResponseSchema } from '@paddock/contract';
import {
  addApplication,
  apiGet,
  connectOk,
  expectApiError,
  getToken,
  ORIGIN,
  setup,
} from './helpers/setup.js';

describe('GET /v3/vehicles/{id}', () => {
  it('returns the vehicle with the mode of its connection', async () => {
    const t = setup();
    const vin = '5YJ3E1EA7KF317000';
    const { vehicleIds } = await connectOk(t, { clientId: t.app.clientId, email: `${vin}@bev.smartcar.com` });
    const token = await getToken(t, t.app);
    const res = await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, token);
    expect(res.status).toBe(200);
    const body = vehicleResponseSchema.parse(await res.json());
    expect(body.data).toEqual({
      id: vehicleIds[0],
      type: 'vehicle',
      attributes: expect.objectContaining({ make: 'TESLA', powertrainType: 'BEV', mode: 'simulated' }),
      links: { self: `${ORIGIN}/v3/vehicles/${vehicleIds[0]}` },
    });
  });

  it('answers 404 VEHICLE_NOT_FOUND for an unknown vehicle', async () => {
    const t = setup();
    const token = await getToken(t, t.app);
    const id = '00000000-0000-4000-8000-000000000000';
    const error = await expectApiError(
      await apiGet(t, `/v3/vehicles/${id}`, token),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
    expect(error.detail).toBe(`Vehicle with ID ${id} not found`);
  });

  it('answers 404 for a vehicle connected only to another application', async () => {
    const t = setup();
    const { vehicleIds } = await connectOk(t, { clientId: t.app.clientId, email: 'mine@example.com' });
    const otherToken = await getToken(t, addApplication(t.emulator));
    await expectApiError(
      await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`, otherToken),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
  });

  it('answers 401 for a missing or expired token', async () => {
    const t = setup();
    const { vehicleIds } = await connectOk(t, { clientId: t.app.clientId, email: 'mine@example.com' });
    const res = await apiGet(t, `/v3/vehicles/${vehicleIds[0]}`);
    const error = await expectApiError(res, 401, 'AUTHENTICATION', 'UNAUTHORIZED');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(error.suggestedUserMessage).toBeTruthy();
  });
});
