import { SIGNAL_CODES } from '@paddock/contract';
import { distanceMetres, formatDistance, niceStep, niceTicks } from '../src/features/pictures/scale.js';
import {
  formatAge,
  formatQuantity,
  formatSignalBody,
  formatSignalProblem,
  humanise,
} from '../src/features/signals/signal-format.js';
import { signalLabel } from '../src/features/signals/signal-labels.js';
import { groupBySection, SIGNAL_SECTIONS, sectionOf } from '../src/features/signals/signal-sections.js';

describe('signals in words', () => {
  test('every catalogue code has a section and words (no code is shown raw)', () => {
    for (const code of SIGNAL_CODES) {
      expect(sectionOf(code).id, code).not.toBe('other');
      const label = signalLabel(code);
      expect(label, code).not.toBe(code);
      expect(label, code).toMatch(/^[A-Z0-9]/);
    }
    const sectionGroups = SIGNAL_SECTIONS.flatMap((s) => s.groups);
    expect(new Set(sectionGroups).size).toBe(sectionGroups.length);
  });

  test('sections come in reading order, signals in catalogue order, unknown codes last', () => {
    const grouped = groupBySection([
      { code: 'wheel-tires' },
      { code: 'x-unknown' },
      { code: 'tractionbattery-range' },
      { code: 'tractionbattery-stateofcharge' },
    ]);
    expect(grouped.map((g) => [g.section.title, g.items.map((i) => i.code)])).toEqual([
      ['Battery and range', ['tractionbattery-stateofcharge', 'tractionbattery-range']],
      ['Tyres and wheels', ['wheel-tires']],
      ['Other', ['x-unknown']],
    ]);
  });

  test.each([
    ['tractionbattery-stateofcharge', { value: 72.4, unit: 'percent' }, '72 %'],
    ['tractionbattery-range', { value: 312.6, unit: 'km', type: 'DEFAULT' }, '313 km'],
    ['odometer-traveleddistance', { value: 123456.7, unit: 'km' }, '123,457 km'],
    ['internalcombustionengine-amountremaining', { value: 12.34, unit: 'gallons' }, '12.3 gal'],
    ['climate-externaltemperature', { value: -4.25, unit: 'celsius' }, '-4.3 °C'],
    ['charge-wattage', { value: 7200, unit: 'watt' }, '7.2 kW'],
    ['charge-timetocomplete', { value: 95, unit: 'minute' }, '1 h 35 min'],
    ['motion-currentspeed', { value: 50, unit: 'kph' }, '50 km/h'],
    ['closure-islocked', { value: true }, 'Locked'],
    ['charge-ischargingcableconnected', { value: false }, 'Unplugged'],
    ['location-isathome', { value: true }, 'Yes'],
    ['charge-detailedchargingstatus', { value: 'FULLY_CHARGED' }, 'Fully charged'],
    ['vehicleidentification-vin', { value: '5YJ3E1EA7KF317000' }, '5YJ3E1EA7KF317000'],
    ['tractionbattery-range', { value: null, unit: 'km' }, 'No value'],
    [
      'charge-chargelimits',
      { values: [{ type: 'GLOBAL', limit: 80 }], activeLimit: 80, unit: 'percent' },
      '80 %',
    ],
    ['tractionbattery-nominalcapacity', { capacity: 75, unit: 'kWh' }, '75 kWh'],
    [
      'location-preciselocation',
      { latitude: 39.7392, longitude: -104.9903, heading: 0, direction: 'N', locationType: 'CURRENT' },
      '39.7392° N, 104.9903° W',
    ],
    [
      'wheel-tires',
      {
        values: [
          { row: 0, column: 0, tirePressure: 230 },
          { row: 0, column: 1, tirePressure: 231 },
        ],
        rowCount: 2,
        columnCount: 2,
        unit: 'kPa',
      },
      'front left 230 · front right 231 kPa',
    ],
    [
      'closure-doors',
      { values: [{ row: 1, column: 0, isOpen: true, isLocked: false }], rowCount: 2, columnCount: 2 },
      'Open: rear left',
    ],
    ['closure-reartrunk', { isOpen: false, isLocked: true }, 'Closed, locked'],
    [
      'diagnostics-tirepressure',
      { status: 'ALERT', description: 'Low tyre pressure' },
      'Alert: Low tyre pressure',
    ],
    ['vehicleuseraccount-permissions', { values: ['REMOTE_START', 'LOCK'] }, 'Remote start, Lock'],
  ])('%s %j → %s', (code, body, words) => {
    expect(formatSignalBody(code, body)).toBe(words);
  });

  test('why a signal has no value', () => {
    expect(formatSignalProblem('UNAVAILABLE', { type: 'COMPATIBILITY', code: 'VEHICLE_NOT_CAPABLE' })).toBe(
      'Not available on this vehicle',
    );
    expect(formatSignalProblem('ERROR', { type: 'PERMISSION', code: 'PERMISSION' })).toBe(
      'Not shared: connect again and allow this permission',
    );
    expect(formatSignalProblem('ERROR', { type: 'VEHICLE_STATE', code: 'ASLEEP' })).toBe(
      'Vehicle cannot report it now (Asleep)',
    );
  });

  test('ages against the clock; a time slightly ahead reads as just now', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now + 60_000, now)).toBe('just now');
    expect(formatAge(now - 2 * 60_000, now)).toBe('2 min ago');
    expect(formatAge(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(formatAge(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });

  test('labels spelled out from the catalogue keep acronyms', () => {
    expect(signalLabel('diagnostics-evbatteryconditioning')).toBe('EV battery conditioning');
    expect(signalLabel('diagnostics-tirepressuremonitoring')).toBe('Tire pressure monitoring');
  });

  test('quantities and words', () => {
    expect(formatQuantity(999, 'watts')).toBe('999 W');
    expect(formatQuantity(30, 'min')).toBe('30 min');
    expect(humanise('OK')).toBe('OK');
    expect(humanise('NOT_CHARGING')).toBe('Not charging');
  });
});

describe('picture scales', () => {
  test('round steps and ticks that cover the data', () => {
    expect([0.3, 1, 1.5, 3, 7, 23].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 50]);
    expect(niceTicks(0, 100, 4)).toEqual({ ticks: [0, 50, 100], min: 0, max: 100 });
    const odometer = niceTicks(128_926, 128_961, 4);
    expect(odometer.min).toBeLessThanOrEqual(128_926);
    expect(odometer.max).toBeGreaterThanOrEqual(128_961);
    // A single value still gets an axis.
    expect(niceTicks(42, 42).ticks.length).toBeGreaterThan(1);
  });

  test('distances for the scale bar', () => {
    // One degree of latitude is about 111.2 km.
    expect(distanceMetres(40, -105, 41, -105)).toBeCloseTo(111_195, -2);
    expect(formatDistance(500)).toBe('500 m');
    expect(formatDistance(2000)).toBe('2 km');
  });
});
