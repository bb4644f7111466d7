import { signalResponseSchema, v3ErrorEnvelopeSchema } from '@paddock/contract';
import { apiGet, expectApiError, getToken, ORIGIN, setup, type TestEmulator } from './helpers/setup.js';
import { byCode, parseSignalList } from './helpers/signals.js';
import { apiRequest } from './helpers/vehicle-actions.js';

const HOUR = 3_600_000;

function control(
  t: TestEmulator,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
) {
  return t.fetch(`${ORIGIN}/_emulator/vehicles${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function simulatedBev(nickname = 'Sparky') {
  const t = setup();
  const res = await control(t, 'POST', '', {
    clientId: t.app.clientId,
    email: 'driver@example.com',
    powertrainType: 'BEV',
    make: 'TESLA',
    nickname,
  });
  expect(res.status).toBe(201);
  const { data } = (await res.json()) as { data: { id: string; userId: string; permissions: string[] } };
  const token = await getToken(t, t.app);
  const signal = async (code: string) => {
    // A fresh token each time: tests move the clock past a token's hour.
    const fresh = await getToken(t, t.app);
    const r = await apiGet(t, `/v3/vehicles/${data.id}/signals/${code}`, fresh, {
      'sc-user-id': data.userId,
    });
    expect(r.status, await r.clone().text()).toBe(200);
    return signalResponseSchema.parse(await r.json()).attributes.body;
  };
  return { t, token, vehicleId: data.id, userId: data.userId, permissions: data.permissions, signal };
}

describe('/_emulator/vehicles', () => {
  it('creates a simulated vehicle connected with every compatible permission', async () => {
    const { t, token, vehicleId, userId, permissions, signal } = await simulatedBev();
    expect(permissions).toEqual(
      expect.arrayContaining(['read_battery', 'read_charge', 'control_charge', 'read_location']),
    );
    expect(permissions).not.toContain('read_fuel');
    expect(await signal('vehicleidentification-nickname')).toEqual({ value: 'Sparky' });
    const list = await parseSignalList(
      await apiGet(t, `/v3/vehicles/${vehicleId}/signals`, token, { 'sc-user-id': userId }),
    );
    expect(list.data.filter((s) => s.attributes.status.value === 'ERROR')).toEqual([]);
    expect(byCode(list, 'internalcombustionengine-fuellevel').attributes.status.value).toBe('UNAVAILABLE');

    const listed = (await (await control(t, 'GET', '')).json()) as {
      data: { id: string; state: { activity: string } }[];
      meta: { totalCount: number };
    };
    expect(listed.data.map((v) => v.id)).toContain(vehicleId);
    expect(listed.meta.totalCount).toBe(1);
  });

  it('charges a plugged-in BEV on the emulator clock, seen through the Vehicle API', async () => {
    const { t, vehicleId, signal } = await simulatedBev();
    expect(
      (
        await control(t, 'PUT', `/${vehicleId}/signals/tractionbattery-stateofcharge`, {
          value: 20,
          unit: 'percent',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await control(t, 'PUT', `/${vehicleId}/signals/charge-chargelimits`, {
          values: [],
          activeLimit: 90,
          unit: 'percent',
        })
      ).status,
    ).toBe(200);
    const plugged = await control(t, 'POST', `/${vehicleId}/plug-in`, { powerKw: 11, kind: 'AC' });
    expect(plugged.status).toBe(200);
    t.clock.advance(2 * HOUR);

    const capacity = ((await signal('tractionbattery-nominalcapacity')) as { capacity: number }).capacity;
    const expectedSoc = 20 + ((11 * 0.9 * 2) / capacity) * 100;
    expect(((await signal('tractionbattery-stateofcharge')) as { value: number }).value).toBeCloseTo(
      expectedSoc,
      1,
    );
    expect(await signal('charge-energyadded')).toEqual({ value: 19.8, unit: 'kWh' });
    expect(await signal('charge-detailedchargingstatus')).toEqual({ value: 'CHARGING' });

    const view = (await (await control(t, 'GET', `/${vehicleId}`)).json()) as {
      data: { state: { chargingStatus: string }; signals: Record<string, { body: unknown }> };
    };
    expect(view.data.state.chargingStatus).toBe('CHARGING');
    expect(view.data.signals['charge-ischarging']?.body).toEqual({ value: true });

    expect((await control(t, 'POST', `/${vehicleId}/unplug`, {})).status).toBe(200);
    expect(await signal('charge-ischargingcableconnected')).toEqual({ value: false });
  });

  it('refuses to lock a vehicle on a trip with 409 IN_MOTION', async () => {
    const { t, token, vehicleId, userId, signal } = await simulatedBev();
    expect((await control(t, 'POST', `/${vehicleId}/trips`, { speedKph: 90 })).status).toBe(200);
    t.clock.advance(HOUR / 2);
    await expectApiError(
      await apiRequest(t, 'POST', `/v3/vehicles/${vehicleId}/commands/security/lock`, { token, userId }),
      409,
      'VEHICLE_STATE',
      'IN_MOTION',
    );
    expect(await signal('motion-currentspeed')).toEqual({ value: 90, unit: 'kph' });
    expect((await control(t, 'POST', `/${vehicleId}/trips/end`, {})).status).toBe(200);
    expect(await signal('motion-currentspeed')).toEqual({ value: 0, unit: 'kph' });
  });

  it('takes a vehicle offline and puts it to sleep', async () => {
    const { t, vehicleId, signal } = await simulatedBev();
    expect((await control(t, 'POST', `/${vehicleId}/asleep`, { asleep: true })).status).toBe(200);
    expect(await signal('connectivitystatus-isasleep')).toEqual({ value: true });
    expect((await control(t, 'POST', `/${vehicleId}/online`, { online: false })).status).toBe(200);
    expect(await signal('connectivitystatus-isonline')).toEqual({ value: false });
  });

  it('answers bad input with a 4xx error and never crashes', async () => {
    const { t, vehicleId } = await simulatedBev();
    // Created vehicles may start on their home charger: make sure this one is unplugged.
    await control(t, 'POST', `/${vehicleId}/plug-in`, {});
    expect((await control(t, 'POST', `/${vehicleId}/unplug`, {})).status).toBe(200);
    const cases: [Response, number, string][] = [
      [
        await control(t, 'PUT', `/${vehicleId}/signals/tractionbattery-stateofcharge`, { value: 'full' }),
        400,
        'VALIDATION',
      ],
      [
        await control(t, 'PUT', `/${vehicleId}/signals/tractionbattery-stateofcharge`, {
          value: 120,
          unit: 'percent',
        }),
        400,
        'VALIDATION',
      ],
      [
        await control(t, 'PUT', `/${vehicleId}/signals/odometer-traveleddistance`, {
          value: 1,
          unit: 'miles',
        }),
        400,
        'VALIDATION',
      ],
      [
        await control(t, 'PUT', `/${vehicleId}/signals/no-such-signal`, { value: 1 }),
        404,
        'RESOURCE_NOT_FOUND',
      ],
      [
        await control(t, 'PUT', `/${vehicleId}/signals/internalcombustionengine-fuellevel`, {
          value: 1,
          unit: 'percent',
        }),
        501,
        'COMPATIBILITY',
      ],
      [await control(t, 'POST', `/${vehicleId}/plug-in`, '{not json'), 400, 'VALIDATION'],
      [await control(t, 'POST', `/${vehicleId}/plug-in`, { powerKw: -5 }), 400, 'VALIDATION'],
      [await control(t, 'POST', `/${vehicleId}/plug-in`, { kind: 'DC', volts: 3 }), 400, 'VALIDATION'],
      [
        await control(t, 'POST', `/${vehicleId}/plug-in`, 'powerKw=5', 'application/x-www-form-urlencoded'),
        400,
        'VALIDATION',
      ],
      [await control(t, 'POST', `/${vehicleId}/unplug`, {}), 409, 'VEHICLE_STATE'],
      [
        await control(t, 'POST', `/${vehicleId}/trips`, { destination: { latitude: 123, longitude: 0 } }),
        400,
        'VALIDATION',
      ],
      [await control(t, 'POST', `/${vehicleId}/trips/end`, {}), 409, 'VEHICLE_STATE'],
      [await control(t, 'POST', `/${vehicleId}/online`, {}), 400, 'VALIDATION'],
      [await control(t, 'GET', '/00000000-0000-4000-8000-000000000000'), 404, 'RESOURCE_NOT_FOUND'],
      [
        await control(t, 'POST', '', {
          clientId: t.app.clientId,
          email: 'x@example.com',
          powertrainType: 'STEAM',
        }),
        400,
        'VALIDATION',
      ],
      [
        await control(t, 'POST', '', { clientId: 'nobody', email: 'x@example.com', powertrainType: 'ICE' }),
        400,
        'VALIDATION',
      ],
      [
        await control(t, 'POST', '', {
          clientId: t.app.clientId,
          email: 'x@example.com',
          powertrainType: 'HEV',
          make: 'TESLA',
        }),
        400,
        'VALIDATION',
      ],
    ];
    for (const [res, status, type] of cases) {
      expect(res.status, res.url).toBe(status);
      expect(v3ErrorEnvelopeSchema.parse(await res.json()).errors[0]?.type).toBe(type);
    }
  });

  it('drops an edit when sent null', async () => {
    const { t, vehicleId, signal } = await simulatedBev();
    const original = await signal('vehicleidentification-trim');
    await control(t, 'PUT', `/${vehicleId}/signals/vehicleidentification-trim`, { value: 'Plaid' });
    expect(await signal('vehicleidentification-trim')).toEqual({ value: 'Plaid' });
    expect((await control(t, 'PUT', `/${vehicleId}/signals/vehicleidentification-trim`, 'null')).status).toBe(
      200,
    );
    expect(await signal('vehicleidentification-trim')).toEqual(original);
  });
});
