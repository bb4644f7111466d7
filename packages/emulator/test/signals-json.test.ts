import { PERMISSION_DESCRIPTIONS, type PowertrainType, type UnitSystem } from '@paddock/contract';
import { HOUR, MINUTE, simulationRig } from './helpers/simulation.js';

// The signal list route writes the simulator's JSON text instead of
// serialising resources: it must be the same text in every state.

const ALL = Object.keys(PERMISSION_DESCRIPTIONS);
const GRANTS: readonly (readonly string[])[] = [
  ALL,
  [],
  ['read_battery', 'read_vehicle_info'],
  ['read_vehicle_info', 'read_battery', 'read_charge', 'read_odometer', 'read_location'],
];
const UNITS: UnitSystem[] = ['metric', 'imperial'];
const ORIGINS = ['http://localhost:4010', 'https://emulator.test', 'http://[::1]:8080'];

function expectSameText(rig: ReturnType<typeof simulationRig>, id: string) {
  for (const permissions of GRANTS)
    for (const unitSystem of UNITS)
      for (const origin of ORIGINS) {
        const opts = { permissions, unitSystem, origin };
        const objects = rig.sim.signals(id, opts);
        const fast = rig.sim.signalsJson!(id, opts);
        expect(fast.json).toBe(JSON.stringify(objects));
        expect(fast.count).toBe(objects.length);
      }
}

describe('signalsJson', () => {
  it.each<[PowertrainType, string, string]>([
    ['BEV', 'TESLA', 'Model 3'],
    ['PHEV', 'TOYOTA', 'RAV4 Prime'],
    ['ICE', 'FORD', 'F-150'],
  ])(
    'equals JSON.stringify(signals) for a %s parked, charging, driving, asleep and offline',
    (pt, make, model) => {
      const rig = simulationRig();
      const id = rig.add(`v-${pt}`, make, model, pt);
      expectSameText(rig, id);
      if (pt !== 'ICE') {
        rig.sim.plugIn(id, { powerKw: 11, kind: 'AC' });
        rig.clock.advance(20 * MINUTE);
        expectSameText(rig, id);
        rig.sim.unplug(id);
      }
      rig.sim.startTrip(id, { speedKph: 80, headingDeg: 45 });
      rig.clock.advance(7 * MINUTE + 123);
      expectSameText(rig, id);
      rig.sim.endTrip(id);
      rig.clock.advance(2 * HOUR);
      expect(rig.sim.state(id).asleep).toBe(true);
      expectSameText(rig, id);
      rig.sim.setOnline(id, false);
      rig.clock.advance(HOUR);
      expectSameText(rig, id);
    },
  );

  it('equals JSON.stringify(signals) with edited signals (own oemUpdatedAt) and charge schedules', () => {
    const rig = simulationRig();
    const id = rig.add('v-edit', 'TESLA', 'Model Y', 'BEV');
    rig.sim.setSignal(id, 'vehicleidentification-nickname', { value: 'Quote " and \\ backslash' });
    rig.clock.advance(MINUTE);
    rig.sim.setSignal(id, 'tractionbattery-stateofcharge', { value: 42, unit: 'percent' });
    rig.store.chargeSchedules.insert({
      id: 'sch_00000000000000000000000000',
      vehicleId: id,
      applicationId: 'app',
      userId: 'user',
      scheduleType: 'daily',
      location: { latitude: 37.77, longitude: -122.42 },
      parameters: { startTime: '22:00', stopTime: '06:00' },
      createdAt: rig.clock.now(),
    });
    rig.clock.advance(MINUTE);
    const text = rig.sim.signalsJson!(id, {
      permissions: ALL,
      unitSystem: 'metric',
      origin: ORIGINS[0]!,
    }).json;
    expect(text).toContain('Quote \\" and \\\\ backslash');
    expect(text).toContain('22:00');
    expectSameText(rig, id);
  });
});
