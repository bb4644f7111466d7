import type { StoredSignal } from '../src/features/signals/signal-values.js';
import { VehicleSummary } from '../src/features/vehicles/views/vehicle-summary.js';
import { pageText, pictureLabels } from './support/pages.js';

const NOW = Date.UTC(2026, 10, 28, 9, 0, 0);
const value = (code: string, body: unknown, minutesAgo: number): StoredSignal => ({
  code,
  status: 'SUCCESS',
  body,
  error: undefined,
  oemUpdatedAt: NOW - minutesAgo * 60_000,
  receivedAt: NOW,
});

async function render(powertrain: string | null, signals: StoredSignal[]): Promise<string> {
  return String(await VehicleSummary({ vehicleId: 'v1', powertrain, signals, now: NOW }).toString());
}

describe('the vehicle summary', () => {
  test('of alternative facts the freshest is shown: a webhook-fed "charging" beats an older detailed status', async () => {
    const html = await render('BEV', [
      value('tractionbattery-stateofcharge', { value: 53, unit: 'percent' }, 0),
      value('charge-detailedchargingstatus', { value: 'FULLY_CHARGED' }, 54),
      value('charge-ischarging', { value: true }, 0),
    ]);
    expect(pageText(html)).toContain('Charging Charging just now');
    expect(pageText(html)).not.toContain('Fully charged');
    expect(pictureLabels(html)).toEqual(['Battery 53 %, charging']);
  });

  test('a petrol car shows its fuel gauge and leaves out what it cannot have', async () => {
    const html = await render('ICE', [
      value('internalcombustionengine-fuellevel', { value: 83, unit: 'percent' }, 120),
      value('internalcombustionengine-range', { value: 903, unit: 'kilometers' }, 120),
      {
        code: 'tractionbattery-range',
        status: 'UNAVAILABLE',
        body: undefined,
        error: { type: 'COMPATIBILITY', code: 'VEHICLE_NOT_CAPABLE' },
        oemUpdatedAt: NOW,
        receivedAt: NOW,
      },
    ]);
    expect(pictureLabels(html)).toEqual(['Fuel 83 %']);
    expect(pageText(html)).toContain('Range on fuel 903 km 2 h ago');
    expect(pageText(html)).not.toContain('Not available');
  });

  test('one list drawn again later shows the new ages, and for another vehicle its own id', () => {
    const signals = Object.freeze([
      value('tractionbattery-stateofcharge', { value: 53, unit: 'percent' }, 0),
      value('closure-islocked', { value: true }, 5),
    ]);
    const draw = (vehicleId: string, now: number) =>
      pageText(String(VehicleSummary({ vehicleId, powertrain: 'BEV', signals, now })));
    expect(draw('v1', NOW)).toContain('State of charge · just now');
    expect(draw('v1', NOW)).toContain('Doors locked Locked 5 min ago');
    expect(draw('v1', NOW + 2 * 3_600_000)).toContain('State of charge · 2 h ago');
    expect(draw('v1', NOW)).toContain('Doors locked Locked 5 min ago');
    const other = String(VehicleSummary({ vehicleId: 'v2', powertrain: 'BEV', signals, now: NOW }));
    expect(other).toContain('id="summary-v2"');
  });
});
