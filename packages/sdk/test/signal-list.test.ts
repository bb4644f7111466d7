import { InvalidResponseError, type Signal, SignalList, SmartcarClient } from '../src/index.js';
import { parseSignal } from '../src/parse/signal.js';
import { CREDENTIALS, fakeSmartcar, type Handler, json } from './fake-smartcar.js';
import { fixture } from './load-fixture.js';

type ListBody = { data: unknown[] };

async function listOf(handler: Handler): Promise<SignalList> {
  const client = new SmartcarClient({ ...CREDENTIALS, fetch: fakeSmartcar(handler).fetch, maxRetries: 0 });
  return await client.signals.list('v1', { userId: 'u' });
}

const noPage = () => Promise.reject(new Error('no next page'));

describe('SignalList: signals normalised on first read', () => {
  test('data equals parseSignal of every raw item, in order', async () => {
    const raw = fixture<ListBody>('signal-list').data;
    const list = await listOf(() => json(200, fixture('signal-list')));
    expect(list.data).toEqual(raw.map((item) => parseSignal(item)));
    expect(list.data).toBe(list.data);
  });

  test('get() before data hands out the same objects data holds later', async () => {
    const list = await listOf(() => json(200, fixture('signal-list')));
    const soc = list.get('tractionbattery-stateofcharge');
    expect(soc?.status).toBe('SUCCESS');
    expect(list.get('tractionbattery-stateofcharge')).toBe(soc);
    expect(list.get('not-a-signal')).toBeUndefined();
    expect(list.data[0]).toBe(soc);
  });

  test('data is an own enumerable property, as on every page', async () => {
    const list = await listOf(() => json(200, fixture('signal-list')));
    expect(Object.keys(list)).toContain('data');
    expect({ ...list }.data).toHaveLength(3);
    const copy = JSON.parse(JSON.stringify(list)) as { data: { code: string }[] };
    expect(copy.data.map((s) => s.code)).toEqual(list.data.map((s) => s.code));
  });

  test('an item without a code or not an object still fails the call', async () => {
    const noCode = { data: [{ id: '', attributes: { status: { value: 'SUCCESS' } } }] };
    await expect(listOf(() => json(200, noCode))).rejects.toThrow(/Signal #0 has no code/);
    await expect(
      listOf(() => json(200, { data: [fixture<ListBody>('signal-list').data[0], 7] })),
    ).rejects.toThrow(InvalidResponseError);
  });

  test('a list built from normalised data keeps it as given', () => {
    const data: Signal[] = fixture<ListBody>('signal-list').data.map((item) => parseSignal(item));
    const list = new SignalList({ data, next: null }, noPage);
    expect(list.data).toBe(data);
    expect(list.get('charge-amperage')).toBe(data[1]);
    expect(list.hasNextPage()).toBe(false);
  });

  test('assigning data replaces what get() searches, as on a plain page', async () => {
    const list = await listOf(() => json(200, fixture('signal-list')));
    const [first] = list.data;
    (list as { data: Signal[] }).data = first ? [first] : [];
    expect(list.data).toHaveLength(1);
    expect(list.get('charge-amperage')).toBeUndefined();
  });
});
