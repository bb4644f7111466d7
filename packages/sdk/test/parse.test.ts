import { InvalidResponseError } from '../src/index.js';
import { parseConnectionList } from '../src/parse/connection.js';
import { parseTimestamp } from '../src/parse/timestamp.js';
import { parseVehicle } from '../src/parse/vehicle.js';
import { connectionPage, guideConnectionsBody, jsonApiConnection } from './fixtures.js';

describe('connection list parsing', () => {
  test('the JSON:API shape of §3.2', () => {
    const page = parseConnectionList(
      connectionPage(
        [jsonApiConnection(1, { externalId: 'cust-1' })],
        {
          pageNumber: 1,
          pageSize: 10,
          totalCount: 1,
          orderBy: 'createdAt',
          orderDirection: 'DESC',
          extra: true,
        },
        null,
      ),
    );
    expect(page).toEqual({
      items: [
        {
          id: 'conn-1',
          userId: 'user-1',
          vehicleId: 'veh-1',
          permissions: ['read_battery', 'read_vehicle_info'],
          vehicle: { make: 'VOLKSWAGEN', model: 'ID.4', year: 2023, mode: 'live', powertrainType: 'BEV' },
          createdAt: new Date('2026-05-01T10:00:00.000Z'),
          externalId: 'cust-1',
        },
      ],
      totalCount: 1,
      pageNumber: 1,
      pageSize: 10,
      next: null,
    });
  });

  test('the guide shape of §11 parses', () => {
    const page = parseConnectionList(guideConnectionsBody);
    expect(page.items).toEqual([
      {
        userId: 'user-g',
        vehicleId: 'veh-g1',
        permissions: ['read_vehicle_info'],
        vehicle: { mode: 'simulated' },
        createdAt: new Date('2026-05-02T08:00:00Z'),
      },
      {
        userId: 'user-g',
        vehicleId: 'veh-g2',
        permissions: [],
        vehicle: { mode: 'live' },
        createdAt: new Date(1746172532 * 1000),
      },
    ]);
    expect(page.next).toBeNull();
  });

  test('with both shapes present, data wins', () => {
    const page = parseConnectionList({
      ...connectionPage([jsonApiConnection(9)], {}, null),
      ...guideConnectionsBody,
    });
    expect(page.items.map((c) => c.vehicleId)).toEqual(['veh-9']);
  });

  test('userId from attributes.user when relationships lack it; meta.page', () => {
    const item = jsonApiConnection(2) as { relationships: Record<string, unknown> };
    item.relationships = { vehicle: item.relationships.vehicle };
    const page = parseConnectionList(connectionPage([item], { page: 2, pageSize: 1 }, 'x'));
    expect(page.items[0]).toMatchObject({ userId: 'user-1', vehicleId: 'veh-2' });
    expect(page).toMatchObject({ pageNumber: 2, next: 'x' });
  });

  test('timestamps: ISO, epoch seconds and epoch milliseconds', () => {
    const ms = Date.UTC(2026, 4, 2, 8, 15, 31);
    const dates = ['2026-05-02T08:15:31.000Z', ms / 1000, ms, String(ms)].map(
      (createdAt) =>
        parseConnectionList(connectionPage([jsonApiConnection(1, { createdAt })], {}, null)).items[0]
          ?.createdAt,
    );
    expect(dates.map((d) => d?.getTime())).toEqual([ms, ms, ms, ms]);
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp(null)).toBeUndefined();
  });

  test('missing ids, wrong shapes and non-objects are InvalidResponseError', () => {
    const noVehicle = { id: 'c', attributes: { user: { id: 'u' } } };
    expect(() => parseConnectionList({ data: [noVehicle] })).toThrow(/lacks vehicleId/);
    expect(() => parseConnectionList({ connections: [{ vehicleId: 'v' }] })).toThrow(/lacks userId/);
    expect(() => parseConnectionList({ data: [42] })).toThrow(InvalidResponseError);
    expect(() => parseConnectionList({ items: [] })).toThrow(InvalidResponseError);
    expect(() => parseConnectionList('nope')).toThrow(InvalidResponseError);
  });
});

describe('vehicle parsing', () => {
  const expected = {
    id: 'v1',
    make: 'TESLA',
    model: 'Model 3',
    year: 2024,
    powertrainType: 'BEV',
    mode: 'live',
  };
  const resource = {
    id: 'v1',
    type: 'vehicle',
    attributes: {
      make: 'TESLA',
      model: 'Model 3',
      year: 2024,
      powertrainType: 'BEV',
      mode: 'live',
      trim: 'LR',
    },
    links: { self: '/vehicles/v1' },
  };

  test('with and without the data wrapper, and flat v2 attributes', () => {
    expect(parseVehicle({ data: resource, included: {} })).toEqual(expected);
    expect(parseVehicle(resource)).toEqual(expected);
    expect(parseVehicle({ id: 'v1', make: 'TESLA', model: 'Model 3', year: '2024' })).toEqual({
      id: 'v1',
      make: 'TESLA',
      model: 'Model 3',
      year: 2024,
    });
  });

  test('webhook-style modes and unknown powertrains', () => {
    const v = parseVehicle({
      data: { ...resource, attributes: { ...resource.attributes, mode: 'TEST', powertrainType: 'FCEV' } },
    });
    expect(v.mode).toBe('simulated');
    expect(v.powertrainType).toBeUndefined();
  });

  test('missing required fields are InvalidResponseError', () => {
    expect(() => parseVehicle({ data: { id: 'v1' } })).toThrow(/lacks make, model, year/);
    expect(() => parseVehicle(null)).toThrow(InvalidResponseError);
  });
});
