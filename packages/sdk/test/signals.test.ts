import { type Signal, SignalList, SmartcarClient } from '../src/index.js';
import { CREDENTIALS, fakeSmartcar, type Handler, json, recordingSleep } from './fake-smartcar.js';
import { fixture } from './load-fixture.js';

function setup(handler: Handler, extra: Partial<ConstructorParameters<typeof SmartcarClient>[0]> = {}) {
  const fake = fakeSmartcar(handler);
  const client = new SmartcarClient({
    ...CREDENTIALS,
    fetch: fake.fetch,
    sleep: recordingSleep().sleep,
    ...extra,
  });
  return { fake, client };
}

describe('signals', () => {
  test('list sends sc-user-id and reads data, included.vehicle and paging', async () => {
    const { fake, client } = setup(() => json(200, fixture('signal-list')));
    const list = await client.signals.list('36ab27d0', { userId: 'user-1' });
    const [req] = fake.apiCalls();
    expect(req?.url.pathname).toBe('/v3/vehicles/36ab27d0/signals');
    expect(req?.headers.get('sc-user-id')).toBe('user-1');
    expect(list).toBeInstanceOf(SignalList);
    expect(list.data.map((s) => [s.code, s.status])).toEqual([
      ['tractionbattery-stateofcharge', 'SUCCESS'],
      ['charge-amperage', 'ERROR'],
      ['internalcombustionengine-fuellevel', 'UNAVAILABLE'],
    ]);
    expect(list.vehicle).toEqual({
      id: '36ab27d0-fd9d-4455-823a-ce30af709ffc',
      make: 'VOLKSWAGEN',
      model: 'ID. Buzz',
      year: 2024,
    });
    expect(list).toMatchObject({ totalCount: 3, pageSize: 3, pageNumber: 1 });
    expect(list.hasNextPage()).toBe(false);
    expect(list.body('tractionbattery-stateofcharge')).toEqual({ value: 78, unit: 'percent' });
    expect(list.body('charge-amperage')).toBeUndefined();
    expect(list.get('internalcombustionengine-fuellevel')?.error?.code).toBe('VEHICLE_NOT_CAPABLE');
  });

  test('a list in the older shape (meta.page, relative links.next) walks its pages', async () => {
    const second = fixture<{ data: Record<string, unknown>[]; meta: object; links: object }>(
      'signal-list-java-page',
    );
    second.meta = { totalCount: 2, pageSize: 1, page: 2 };
    second.links = { self: '/vehicles/36ab27d0/signals?page=2&pageSize=1', next: null };
    const { fake, client } = setup((req) =>
      json(200, req.url.searchParams.get('page') === '2' ? second : fixture('signal-list-java-page')),
    );
    const pages = [];
    const first = await client.signals.list('36ab27d0', { userId: 'u' });
    for await (const page of first.pages()) pages.push(page.pageNumber);
    expect(pages).toEqual([1, 2]);
    expect(fake.apiCalls().map((c) => `${c.url.pathname}${c.url.search}`)).toEqual([
      '/v3/vehicles/36ab27d0/signals',
      '/v3/vehicles/36ab27d0/signals?page=2&pageSize=1',
    ]);
    expect(fake.apiCalls()[1]?.headers.get('sc-user-id')).toBe('u');
  });

  test('retrieve reads the signal at the top level or under data', async () => {
    const bodies = [fixture('signal-single-top-level'), fixture('signal-single-data')];
    const { fake, client } = setup(() => json(200, bodies.shift()));
    const wattage = await client.signals.retrieve('v1', 'charge-wattage', { userId: 'u' });
    const minutes = await client.signals.retrieve('v1', 'charge-timetocomplete', { userId: 'u' });
    expect(fake.apiCalls()[0]?.url.pathname).toBe('/v3/vehicles/v1/signals/charge-wattage');
    expect(wattage.status === 'SUCCESS' && wattage.body).toEqual({ value: 11000, unit: 'watt' });
    expect(minutes.status === 'SUCCESS' && minutes.body).toEqual({ value: 95, unit: 'minute' });
  });

  test('the body is typed per code', async () => {
    const { client } = setup(() => json(200, fixture<{ data: unknown[] }>('signal-list').data[0]));
    const soc = await client.signals.retrieve('v1', 'tractionbattery-stateofcharge', { userId: 'u' });
    if (soc.status === 'SUCCESS') {
      expectTypeOf(soc.body.unit).toEqualTypeOf<'percent'>();
      expectTypeOf(soc.body.value).toEqualTypeOf<number | null>();
    }
    expectTypeOf(soc.code).toEqualTypeOf<'tractionbattery-stateofcharge'>();
    const other = await client.signals.retrieve('v1', 'made-up-signal', { userId: 'u' });
    expectTypeOf(other).toEqualTypeOf<Signal<'made-up-signal'>>();
    if (other.status === 'SUCCESS') expectTypeOf(other.body).toEqualTypeOf<Record<string, unknown>>();
    expect(soc.status).toBe('SUCCESS');
  });

  test('sc-unit-system from the call, else from the client', async () => {
    const { fake, client } = setup(() => json(200, fixture('signal-list')), { unitSystem: 'imperial' });
    await client.signals.list('v1', { userId: 'u' });
    await client.signals.list('v1', { userId: 'u', unitSystem: 'metric' });
    expect(fake.apiCalls().map((c) => c.headers.get('sc-unit-system'))).toEqual(['imperial', 'metric']);
  });

  test('without a userId: a TypeError at the call, nothing sent', () => {
    const { fake, client } = setup(() => json(200, {}));
    expect(() => client.signals.list('v1')).toThrow(/userId/);
    expect(() => client.signals.retrieve('v1', 'charge-wattage')).toThrow(TypeError);
    expect(() => client.signals.retrieve('v1', '', { userId: 'u' })).toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  test('a forUser view binds the user', async () => {
    const { fake, client } = setup(() => json(200, fixture('signal-list')));
    const alice = client.forUser('alice');
    await alice.signals.list('v1');
    await alice.signals.list('v1', { userId: 'bob' });
    expect(fake.apiCalls().map((c) => c.headers.get('sc-user-id'))).toEqual(['alice', 'bob']);
    expect(alice.userId).toBe('alice');
    expect(() => client.forUser('')).toThrow(TypeError);
  });

  test('withResponse gives the raw body, headers and request id', async () => {
    const raw = fixture('signal-single-top-level');
    const { client } = setup((req) =>
      req.url.pathname.endsWith('/signals')
        ? json(200, fixture('signal-list'), { 'sc-request-id': 'req-list' })
        : json(200, raw, { 'sc-request-id': 'req-42' }),
    );
    const { data, response, requestId } = await client.signals
      .retrieve('v1', 'charge-wattage', { userId: 'u' })
      .withResponse();
    expect(requestId).toBe('req-42');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toEqual(raw);
    expect(data.code).toBe('charge-wattage');
    const page = await client.signals.list('v1', { userId: 'u' }).withResponse();
    expect(page.requestId).toBe('req-list');
    expect(page.data.vehicle?.make).toBe('VOLKSWAGEN');
    expect(page.response.body).toEqual(fixture('signal-list'));
  });
});
