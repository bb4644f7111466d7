import type { SignalLatest } from '../src/db/tables.js';
import { fromLatestRow } from '../src/features/signals/signal-values.js';

const row = (status: string, body: string | null): SignalLatest => ({
  vehicle_id: 'v1',
  code: 'charge-chargelimits',
  status,
  body,
  oem_updated_at: 1,
  received_at: 2,
});

describe('stored signal values', () => {
  test('the same body text reads as the same value, frozen, since pages share it', () => {
    const text = JSON.stringify({ values: [{ type: 'global', limit: 80 }], unit: 'percent' });
    const first = fromLatestRow(row('SUCCESS', text));
    const again = fromLatestRow(row('SUCCESS', `${text}`));
    expect(first.body).toEqual({ values: [{ type: 'global', limit: 80 }], unit: 'percent' });
    expect(again.body).toBe(first.body);
    expect(Object.isFrozen(first.body)).toBe(true);
    const nested = (first.body as { values: { limit: number }[] }).values;
    expect(() => {
      nested[0]!.limit = 10;
    }).toThrow(TypeError);
  });

  test('errors keep their type and code; a body that is not JSON reads as absent, every time', () => {
    const error = fromLatestRow(row('ERROR', JSON.stringify({ error: { type: 'PERMISSION', code: null } })));
    expect(error).toMatchObject({
      status: 'ERROR',
      body: undefined,
      error: { type: 'PERMISSION', code: null },
    });
    for (let i = 0; i < 2; i++) {
      expect(fromLatestRow(row('SUCCESS', '{not json')).body).toBeUndefined();
      expect(fromLatestRow(row('ERROR', '{not json')).error).toEqual({});
    }
    const long = JSON.stringify({ records: Array.from({ length: 500 }, (_, i) => ({ i })) });
    expect((fromLatestRow(row('SUCCESS', long)).body as { records: unknown[] }).records).toHaveLength(500);
  });
});
