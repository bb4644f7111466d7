import { InvalidResponseError, Page, SmartcarClient } from '../src/index.js';
import { CREDENTIALS, fakeSmartcar, json, recordingSleep } from './fake-smartcar.js';
import { connectionPage, jsonApiConnection } from './fixtures.js';

/** Three pages: page 1 links absolutely, page 2 relatively (without /v3), page 3 ends. */
function threePages() {
  return fakeSmartcar((req) => {
    const n = Number(req.url.searchParams.get('page[number]') ?? '1');
    const meta = { pageNumber: n, pageSize: 2, totalCount: 5 };
    if (n === 1) {
      return json(
        200,
        connectionPage(
          [jsonApiConnection(1), jsonApiConnection(2)],
          meta,
          'https://vehicle.api.smartcar.com/v3/connections?filter%5BuserId%5D=user-1&page%5Bnumber%5D=2&page%5Bsize%5D=2',
        ),
      );
    }
    if (n === 2) {
      return json(
        200,
        connectionPage(
          [jsonApiConnection(3), jsonApiConnection(4)],
          meta,
          '/connections?filter%5BuserId%5D=user-1&page%5Bnumber%5D=3&page%5Bsize%5D=2',
        ),
      );
    }
    return json(200, connectionPage([jsonApiConnection(5)], { page: 3, pageSize: 2, totalCount: 5 }, null));
  });
}

describe('connections.list pagination', () => {
  test('for await walks three pages through absolute and relative links.next', async () => {
    const fake = threePages();
    const client = new SmartcarClient({
      ...CREDENTIALS,
      fetch: fake.fetch,
      emulatorOrigin: 'http://127.0.0.1:4010',
    });
    const ids: string[] = [];
    for await (const c of client.connections.list({ userId: 'user-1', pageSize: 2 }, { userId: 'user-1' })) {
      ids.push(c.vehicleId);
    }
    expect(ids).toEqual(['veh-1', 'veh-2', 'veh-3', 'veh-4', 'veh-5']);
    const urls = fake.apiCalls().map((c) => c.url);
    // Every page goes to the configured origin, never to a host named in a link.
    expect(urls.map((u) => u.origin)).toEqual(Array(3).fill('http://127.0.0.1:4010'));
    expect(urls.map((u) => u.pathname)).toEqual(Array(3).fill('/v3/connections'));
    expect(urls.map((u) => Object.fromEntries(u.searchParams))).toEqual([
      { 'filter[userId]': 'user-1', 'page[size]': '2' },
      { 'filter[userId]': 'user-1', 'page[number]': '2', 'page[size]': '2' },
      { 'filter[userId]': 'user-1', 'page[number]': '3', 'page[size]': '2' },
    ]);
    expect(fake.apiCalls().every((c) => c.headers.get('sc-user-id') === 'user-1')).toBe(true);
  });

  test('await gives one page; nextPage() follows the link', async () => {
    const fake = threePages();
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch });
    const first = await client.connections.list({ pageSize: 2 });
    expect(first).toBeInstanceOf(Page);
    expect(first).toMatchObject({ pageNumber: 1, pageSize: 2, totalCount: 5 });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.nextPage();
    expect(second.data.map((c) => c.id)).toEqual(['conn-3', 'conn-4']);
    const third = await second.nextPage();
    expect(third.pageNumber).toBe(3);
    expect(third.hasNextPage()).toBe(false);
    await expect(third.nextPage()).rejects.toBeInstanceOf(TypeError);
    expect(fake.apiCalls()).toHaveLength(3);
  });

  test('nothing is fetched until awaited or iterated', async () => {
    const fake = threePages();
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch });
    const pending = client.connections.list();
    expect(fake.calls).toHaveLength(0);
    await pending;
    await pending;
    expect(fake.apiCalls()).toHaveLength(1);
  });

  test('filters and pages go out as filter[…] and page[…]', async () => {
    const fake = fakeSmartcar(() =>
      json(200, connectionPage([], { pageNumber: 4, pageSize: 25, totalCount: 0 }, null)),
    );
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch });
    const page = await client.connections.list({
      userId: 'u',
      vehicleId: 'v',
      vehicleMode: 'simulated',
      externalId: 'ext',
      pageSize: 25,
      pageNumber: 4,
    });
    expect(page.data).toEqual([]);
    expect(Object.fromEntries(fake.apiCalls()[0]!.url.searchParams)).toEqual({
      'filter[userId]': 'u',
      'filter[vehicleId]': 'v',
      'filter[vehicle.mode]': 'simulated',
      'filter[user.externalId]': 'ext',
      'page[number]': '4',
      'page[size]': '25',
    });
  });

  test('bad params are TypeErrors thrown synchronously, before any I/O', () => {
    const fake = threePages();
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch });
    expect(() => client.connections.list({ pageSize: 0 })).toThrow(TypeError);
    expect(() => client.connections.list({ pageSize: 101 })).toThrow(TypeError);
    expect(() => client.connections.list({ pageSize: 2.5 })).toThrow(TypeError);
    expect(() => client.connections.list({ pageNumber: 0 })).toThrow(TypeError);
    expect(() => client.connections.list({ userId: '' })).toThrow(TypeError);
    expect(() => client.connections.list({ vehicleMode: 'test' as 'live' })).toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  test('a server that links a page to itself fails instead of looping', async () => {
    const fake = fakeSmartcar(() =>
      json(
        200,
        connectionPage([jsonApiConnection(1)], { pageNumber: 1 }, '/v3/connections?page%5Bnumber%5D=1'),
      ),
    );
    const client = new SmartcarClient({ ...CREDENTIALS, fetch: fake.fetch, sleep: recordingSleep().sleep });
    const walk = async () => {
      for await (const _ of client.connections.list()) {
        // walk
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
