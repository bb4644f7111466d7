import { SIGNAL_CODES, signalResponseSchema } from '@paddock/contract';
import { apiGet, connectOk, expectApiError, ORIGIN } from './helpers/setup.js';
import { byCode, checkBody, connectedBev, parseSignalList } from './helpers/signals.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('GET /v3/vehicles/{id}/signals', () => {
  it('lists every catalogue signal; unpermitted ones are ERROR and impossible ones UNAVAILABLE, still 200', async () => {
    const { vehicleId, get } = await connectedBev(['read_battery', 'read_charge', 'read_vehicle_info']);
    const list = await parseSignalList(await get('/signals'));

    expect(list.meta).toEqual({
      totalCount: SIGNAL_CODES.length,
      pageSize: SIGNAL_CODES.length,
      pageNumber: 1,
    });
    expect(list.links.self).toBe(`${ORIGIN}/v3/vehicles/${vehicleId}/signals`);
    expect(list.included.vehicle).toEqual({
      id: vehicleId,
      type: 'vehicle',
      attributes: { make: 'TESLA', model: expect.any(String), year: expect.any(Number) },
      links: { self: `${ORIGIN}/v3/vehicles/${vehicleId}` },
    });

    const soc = byCode(list, 'tractionbattery-stateofcharge');
    expect(soc.attributes.status).toEqual({ value: 'SUCCESS' });
    expect(soc.attributes.body).toEqual({ value: expect.any(Number), unit: 'percent' });
    expect(soc.links).toEqual({
      self: `${ORIGIN}/v3/vehicles/${vehicleId}/signals/tractionbattery-stateofcharge`,
      vehicle: `${ORIGIN}/v3/vehicles/${vehicleId}`,
    });
    expect(soc.meta.retrievedAt).toMatch(ISO);
    expect(soc.meta.oemUpdatedAt).toMatch(ISO);
    expect(soc.meta.ingestedAt).toMatch(ISO);
    expect(Date.parse(String(soc.meta.oemUpdatedAt))).toBeLessThanOrEqual(
      Date.parse(String(soc.meta.retrievedAt)),
    );

    const odometer = byCode(list, 'odometer-traveleddistance');
    expect(odometer.attributes.status).toMatchObject({ value: 'ERROR', error: { type: 'PERMISSION' } });
    expect(odometer.attributes.status.error?.detail).toContain('read_odometer');

    for (const code of ['internalcombustionengine-fuellevel', 'internalcombustionengine-range']) {
      expect(byCode(list, code).attributes.status).toMatchObject({
        value: 'UNAVAILABLE',
        error: { type: 'COMPATIBILITY', code: 'VEHICLE_NOT_CAPABLE' },
      });
    }
    expect(byCode(list, 'vehicleidentification-vin').attributes.status.value).toBe('ERROR');
    expect(byCode(list, 'connectivitystatus-isonline').attributes.body).toEqual({ value: true });
  });

  it('needs sc-user-id (400 MISSING_PARAMETER) and the user’s connection (404)', async () => {
    const { t, vehicleId, token, get } = await connectedBev(['read_battery']);
    const missing = await expectApiError(
      await apiGet(t, `/v3/vehicles/${vehicleId}/signals`, token),
      400,
      'VALIDATION',
      'MISSING_PARAMETER',
    );
    expect(missing.detail).toMatch(/userId/i);
    const other = await connectOk(t, { clientId: t.app.clientId, email: 'someone-else@example.com' });
    await expectApiError(
      await apiGet(t, `/v3/vehicles/${vehicleId}/signals`, token, { 'sc-user-id': other.userId }),
      404,
      'RESOURCE_NOT_FOUND',
      'VEHICLE_NOT_FOUND',
    );
    await expectApiError(
      await apiGet(t, `/v3/vehicles/${vehicleId}/signals`),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
    await expectApiError(
      await get('/signals', { 'sc-unit-system': 'nautical' }),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
  });

  it('converts units with sc-unit-system: imperial', async () => {
    const { get } = await connectedBev(['read_odometer', 'read_tires', 'read_thermometer', 'read_battery']);
    const metric = await parseSignalList(await get('/signals'));
    const imperial = await parseSignalList(await get('/signals', { 'sc-unit-system': 'imperial' }));
    const body = (list: typeof metric, code: string) => byCode(list, code).attributes.body;

    const km = body(metric, 'odometer-traveleddistance') as { value: number };
    expect(body(imperial, 'odometer-traveleddistance')).toEqual({
      value: Math.round((km.value / 1.609344) * 100) / 100,
      unit: 'miles',
    });
    const range = body(metric, 'tractionbattery-range') as { value: number };
    expect(body(imperial, 'tractionbattery-range')).toMatchObject({
      value: Math.round((range.value / 1.609344) * 100) / 100,
      unit: 'miles',
      additionalValues: [expect.objectContaining({ unit: 'miles' })],
    });
    const celsius = body(metric, 'climate-externaltemperature') as { value: number };
    expect(body(imperial, 'climate-externaltemperature')).toEqual({
      value: Math.round(((celsius.value * 9) / 5 + 32) * 100) / 100,
      unit: 'fahrenheit',
    });
    const kpa = body(metric, 'wheel-tires') as { values: { tirePressure: number }[]; unit: string };
    const psi = body(imperial, 'wheel-tires') as { values: { tirePressure: number }[]; unit: string };
    expect(kpa.unit).toBe('kPa');
    expect(psi.unit).toBe('psi');
    psi.values.forEach((p, i) => {
      expect(p.tirePressure).toBeCloseTo(kpa.values[i]!.tirePressure / 6.894757, 2);
    });
    // Percentages have no imperial form.
    expect(body(imperial, 'tractionbattery-stateofcharge')).toEqual(
      body(metric, 'tractionbattery-stateofcharge'),
    );
  });
});

describe('GET /v3/vehicles/{id}/signals/{code}', () => {
  it('returns the signal object at top level', async () => {
    const { vehicleId, get } = await connectedBev(['read_battery']);
    const res = await get('/signals/tractionbattery-stateofcharge');
    expect(res.status).toBe(200);
    const signal = signalResponseSchema.parse(await res.json());
    checkBody(signal);
    expect(signal).toMatchObject({
      id: 'tractionbattery-stateofcharge',
      type: 'signal',
      attributes: { code: 'tractionbattery-stateofcharge', name: 'StateOfCharge', group: 'TractionBattery' },
      links: { self: `${ORIGIN}/v3/vehicles/${vehicleId}/signals/tractionbattery-stateofcharge` },
    });
    expect(signal).not.toHaveProperty('data');
  });

  it('answers 404 SIGNAL_NOT_FOUND, 403 PERMISSION and 501 VEHICLE_NOT_CAPABLE', async () => {
    const { get } = await connectedBev(['read_battery']);
    await expectApiError(await get('/signals/vin'), 404, 'RESOURCE_NOT_FOUND', 'SIGNAL_NOT_FOUND');
    await expectApiError(
      await get('/signals/charge-activelimit'),
      404,
      'RESOURCE_NOT_FOUND',
      'SIGNAL_NOT_FOUND',
    );
    const permission = await expectApiError(
      await get('/signals/charge-ischarging'),
      403,
      'PERMISSION',
      'PERMISSION',
    );
    expect(permission.detail).toContain('read_charge');
    await expectApiError(
      await get('/signals/internalcombustionengine-fuellevel'),
      501,
      'COMPATIBILITY',
      'VEHICLE_NOT_CAPABLE',
    );
  });

  it('converts a single signal to imperial', async () => {
    const { get } = await connectedBev(['read_odometer']);
    const res = await get('/signals/odometer-traveleddistance', { 'sc-unit-system': 'imperial' });
    const signal = signalResponseSchema.parse(await res.json());
    expect(signal.attributes.body).toMatchObject({ unit: 'miles' });
  });
});
