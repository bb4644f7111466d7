import { formatScope, PERMISSION_DESCRIPTIONS, PERMISSIONS, parseScope } from '@paddock/contract';

describe('Connect scope', () => {
  test('parses optional and required permissions, collapsing duplicates', () => {
    const result = parseScope('read_vehicle_info  required:read_battery read_vehicle_info control_charge');
    expect(result).toEqual({
      ok: true,
      entries: [
        { permission: 'read_vehicle_info', required: false },
        { permission: 'read_battery', required: true },
        { permission: 'control_charge', required: false },
      ],
    });
  });

  test('a permission listed both ways is required', () => {
    expect(parseScope('read_odometer required:read_odometer')).toEqual({
      ok: true,
      entries: [{ permission: 'read_odometer', required: true }],
    });
  });

  test('reports every unknown permission', () => {
    expect(parseScope('read_battery read_everything required:fly')).toEqual({
      ok: false,
      unknown: ['read_everything', 'required:fly'],
    });
  });

  test('formats back to the wire form', () => {
    const parsed = parseScope('required:read_charge read_vin');
    if (!parsed.ok) throw new Error('expected a valid scope');
    expect(formatScope(parsed.entries)).toBe('required:read_charge read_vin');
    expect(formatScope(['read_vin', { permission: 'control_security', required: true }])).toBe(
      'read_vin required:control_security',
    );
  });

  test('every permission of reference §3.4 has words for the grant screen', () => {
    for (const name of ['read_vehicle_info', 'read_battery', 'control_security', 'control_navigation']) {
      expect(PERMISSIONS).toContain(name);
    }
    for (const words of Object.values(PERMISSION_DESCRIPTIONS)) expect(words.length).toBeGreaterThan(10);
  });
});
