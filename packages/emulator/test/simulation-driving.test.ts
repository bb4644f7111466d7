import { distanceKm } from '../src/simulation/geo.js';
import { apiErrorOf, HOUR, MINUTE, simulationRig } from './helpers/simulation.js';

// Model 3: 75 kWh, 15 kWh/100 km. Tiguan: 58 l, 8.5 l/100 km.
function bev() {
  const rig = simulationRig();
  const id = rig.add('bev-1', 'TESLA', 'Model 3', 'BEV');
  rig.sim.setSignal(id, 'tractionbattery-stateofcharge', { value: 60, unit: 'percent' });
  rig.sim.setSignal(id, 'location-preciselocation', {
    latitude: 39.7392,
    longitude: -104.9903,
    heading: 90,
    direction: 'E',
    locationType: 'CURRENT',
  });
  return { ...rig, id };
}

describe('driving', () => {
  it('moves along the heading, raises the odometer and lowers the charge', () => {
    const rig = bev();
    const before = rig.sim.state(rig.id);
    rig.sim.startTrip(rig.id, { speedKph: 60, headingDeg: 90 });
    rig.clock.advance(30 * MINUTE);

    const after = rig.sim.state(rig.id);
    expect(after.activity).toBe('DRIVING');
    expect(after.speedKph).toBe(60);
    expect(after.odometerKm - before.odometerKm).toBeCloseTo(30, 6);
    expect(distanceKm(before, after)).toBeCloseTo(30, 3);
    expect(after.longitude).toBeGreaterThan(before.longitude);
    expect(after.latitude).toBeCloseTo(before.latitude, 1);
    // 30 km × 15 kWh/100 km = 4.5 kWh of 75 kWh = 6 %.
    expect(after.stateOfChargePct).toBeCloseTo(54, 6);
    expect(after.electricRangeKm).toBeCloseTo(((0.54 * 75) / 15) * 100, 6);
    const values = rig.sim.values(rig.id);
    expect(values.get('motion-currentspeed')?.body).toEqual({ value: 60, unit: 'kph' });
    expect(values.get('transmission-gearstate')?.body).toEqual({ value: 'D' });
    expect(values.get('location-preciselocation')?.body).toMatchObject({
      direction: 'E',
      locationType: 'CURRENT',
    });
  });

  it('refuses to lock or unlock while in motion', () => {
    const rig = bev();
    rig.sim.startTrip(rig.id);
    rig.clock.advance(MINUTE);
    for (const action of [() => rig.sim.lock(rig.id), () => rig.sim.unlock(rig.id)]) {
      expect(apiErrorOf(action)).toMatchObject({ type: 'VEHICLE_STATE', code: 'IN_MOTION', status: 409 });
    }
    expect(apiErrorOf(() => rig.sim.plugIn(rig.id))).toMatchObject({ code: 'IN_MOTION' });
    rig.sim.endTrip(rig.id);
    rig.sim.lock(rig.id);
    expect(rig.sim.values(rig.id).get('closure-islocked')?.body).toEqual({ value: true });
    expect(apiErrorOf(() => rig.sim.endTrip(rig.id))).toMatchObject({ type: 'VEHICLE_STATE' });
  });

  it('ends the trip at the destination', () => {
    const rig = bev();
    const start = rig.sim.state(rig.id);
    const destination = { latitude: 39.7392, longitude: -104.8 }; // about 16 km east
    const tripKm = distanceKm(start, destination);
    rig.sim.startTrip(rig.id, { speedKph: 80, destination });
    rig.clock.advance(HOUR);

    const state = rig.sim.state(rig.id);
    expect(state.activity).toBe('PARKED');
    expect(state.speedKph).toBe(0);
    expect(state.latitude).toBeCloseTo(destination.latitude, 9);
    expect(state.longitude).toBeCloseTo(destination.longitude, 9);
    expect(state.odometerKm - start.odometerKm).toBeCloseTo(tripKm, 6);
    expect(state.destination).toBeNull();
  });

  it('drives to a destination set by the navigation command', () => {
    const rig = bev();
    const destination = { latitude: 40.015, longitude: -105.2705 }; // Boulder
    rig.sim.setDestination(rig.id, destination.latitude, destination.longitude);
    rig.sim.startTrip(rig.id, { speedKph: 100 });
    rig.clock.advance(2 * HOUR);
    expect(rig.sim.state(rig.id)).toMatchObject({ activity: 'PARKED', ...destination });
  });

  it('burns fuel on an ICE and stops when the tank is empty', () => {
    const rig = simulationRig();
    const id = rig.add('ice-1', 'VOLKSWAGEN', 'Tiguan', 'ICE');
    rig.sim.setSignal(id, 'internalcombustionengine-fuellevel', { value: 20, unit: 'percent' });
    const start = rig.sim.state(id);
    rig.sim.startTrip(id, { speedKph: 100 });
    rig.clock.advance(HOUR);
    // 100 km × 8.5 l/100 km = 8.5 l of 58 l.
    expect(rig.sim.state(id).fuelLevelPct).toBeCloseTo(20 - (8.5 / 58) * 100, 6);
    rig.clock.advance(HOUR);
    const empty = rig.sim.state(id);
    // 20 % of 58 l = 11.6 l → 136.5 km in all.
    expect(empty.activity).toBe('PARKED');
    expect(empty.fuelLevelPct).toBeCloseTo(0, 9);
    expect(empty.odometerKm - start.odometerKm).toBeCloseTo((11.6 / 8.5) * 100, 6);
  });

  it('uses the battery first on a PHEV, then fuel', () => {
    const rig = simulationRig();
    const id = rig.add('phev-1', 'TOYOTA', 'RAV4', 'PHEV'); // 18.1 kWh at 21 kWh/100 km; 55 l at 7 l/100 km
    rig.sim.setSignal(id, 'tractionbattery-stateofcharge', { value: 50, unit: 'percent' });
    rig.sim.setSignal(id, 'internalcombustionengine-fuellevel', { value: 50, unit: 'percent' });
    rig.sim.startTrip(id, { speedKph: 100 });
    rig.clock.advance(HOUR);
    const electricKm = ((0.5 * 18.1) / 21) * 100;
    const state = rig.sim.state(id);
    expect(state.stateOfChargePct).toBeCloseTo(0, 9);
    expect(state.fuelLevelPct).toBeCloseTo(50 - (((100 - electricKm) * 7) / 100 / 55) * 100, 6);
  });

  it('unplugs the vehicle when a trip starts', () => {
    const rig = bev();
    rig.sim.plugIn(rig.id);
    rig.sim.startTrip(rig.id);
    expect(rig.sim.state(rig.id).charger).toBeNull();
  });
});

describe('online and asleep', () => {
  it('falls asleep ten minutes after the last activity and wakes for a command', () => {
    const rig = bev();
    rig.sim.lock(rig.id);
    rig.clock.advance(9 * MINUTE);
    expect(rig.sim.state(rig.id).asleep).toBe(false);
    rig.clock.advance(2 * MINUTE);
    expect(rig.sim.state(rig.id).asleep).toBe(true);
    expect(rig.sim.values(rig.id).get('connectivitystatus-isasleep')?.body).toEqual({ value: true });
    rig.sim.unlock(rig.id);
    expect(rig.sim.state(rig.id).asleep).toBe(false);
  });

  it('stays awake while charging and sleeps ten minutes after the charge completes', () => {
    const rig = bev();
    rig.sim.setChargeLimit(rig.id, 61);
    rig.sim.plugIn(rig.id, { powerKw: 7.5 }); // 6.75 kW into 75 kWh: 1 % takes 6 min 40 s
    rig.clock.advance(6 * MINUTE);
    expect(rig.sim.state(rig.id)).toMatchObject({ asleep: false, chargingStatus: 'CHARGING' });
    rig.clock.advance(10 * MINUTE);
    expect(rig.sim.state(rig.id)).toMatchObject({ asleep: false, chargingStatus: 'FULLY_CHARGED' });
    rig.clock.advance(2 * MINUTE);
    expect(rig.sim.state(rig.id).asleep).toBe(true);
  });

  it('answers ASLEEP when put to sleep and UNREACHABLE when offline', () => {
    const rig = bev();
    rig.sim.setAsleep(rig.id, true);
    expect(apiErrorOf(() => rig.sim.lock(rig.id))).toMatchObject({ code: 'ASLEEP', status: 409 });
    rig.sim.setAsleep(rig.id, false);
    rig.sim.lock(rig.id);
    rig.sim.setOnline(rig.id, false);
    expect(apiErrorOf(() => rig.sim.unlock(rig.id))).toMatchObject({ code: 'UNREACHABLE' });
    expect(rig.sim.values(rig.id).get('connectivitystatus-isonline')?.body).toEqual({ value: false });
    rig.sim.setOnline(rig.id, true);
    rig.sim.unlock(rig.id);
    rig.sim.startTrip(rig.id);
    expect(apiErrorOf(() => rig.sim.setAsleep(rig.id, true))).toMatchObject({ code: 'IN_MOTION' });
  });

  it('reports the last values of an offline vehicle, with their time', () => {
    const rig = bev();
    rig.sim.startTrip(rig.id, { speedKph: 60 });
    rig.clock.advance(10 * MINUTE);
    const wentOffline = rig.clock.now();
    const odometer = rig.sim.values(rig.id).get('odometer-traveleddistance');
    rig.sim.setOnline(rig.id, false);
    rig.clock.advance(10 * MINUTE);
    const reported = rig.sim.values(rig.id).get('odometer-traveleddistance');
    expect(reported).toEqual({ body: odometer?.body, oemUpdatedAt: wentOffline });
    // The car kept driving meanwhile.
    expect(rig.sim.state(rig.id).odometerKm).toBeGreaterThan((odometer!.body as { value: number }).value + 9);
  });
});

describe('initial state', () => {
  it('is deterministic from the seed and plausible (reference §10)', () => {
    const a = simulationRig('seed-a');
    const b = simulationRig('seed-a');
    const c = simulationRig('seed-b');
    const states = [a, b, c].map((rig) => {
      rig.add('v-1', 'KIA', 'EV6', 'BEV');
      return rig.sim.values('v-1');
    });
    expect([...states[0]!]).toEqual([...states[1]!]);
    expect([...states[0]!]).not.toEqual([...states[2]!]);

    const rig = simulationRig();
    for (let i = 0; i < 50; i++) {
      const id = rig.add(`v-${i}`, 'FORD', 'F-150', i % 2 === 0 ? 'ICE' : 'HEV');
      const s = rig.sim.state(id);
      expect(s.odometerKm).toBeGreaterThanOrEqual(10_000);
      expect(s.odometerKm).toBeLessThanOrEqual(300_000);
      expect(s.latitude).toBeGreaterThan(36.9);
      expect(s.latitude).toBeLessThan(41.1);
      expect(s.longitude).toBeGreaterThan(-109.1);
      expect(s.longitude).toBeLessThan(-102);
      const tires = rig.sim.values(id).get('wheel-tires')?.body as { values: { tirePressure: number }[] };
      for (const t of tires.values) {
        expect(t.tirePressure).toBeGreaterThanOrEqual(175);
        expect(t.tirePressure).toBeLessThanOrEqual(237);
      }
    }
  });

  it('stores nothing for a vehicle until it is first used', () => {
    const rig = simulationRig();
    rig.add('v-1', 'KIA', 'EV6', 'BEV');
    rig.add('v-2', 'KIA', 'EV6', 'BEV');
    expect(rig.store.vehicleStates.size()).toBe(0);
    rig.sim.state('v-1');
    expect(rig.store.vehicleStates.size()).toBe(1);
    expect(apiErrorOf(() => rig.sim.state('nope'))).toMatchObject({ code: 'VEHICLE_NOT_FOUND', status: 404 });
  });
});
