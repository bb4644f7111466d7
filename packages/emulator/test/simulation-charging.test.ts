import { SIGNAL_CODES } from '@paddock/contract';
import { chargeCurve, hoursToReach, socAfter } from '../src/simulation/charging-model.js';
import { resolveSpec } from '../src/simulation/vehicle-specs.js';
import { apiErrorOf, HOUR, MINUTE, simulationRig } from './helpers/simulation.js';

// Model 3 in the catalogue: 75 kWh usable, 11 kW on AC, 250 kW on DC.
const CAPACITY_KWH = 75;
const AC_EFFICIENCY = 0.9;

function bev() {
  const rig = simulationRig();
  const id = rig.add('bev-1', 'TESLA', 'Model 3', 'BEV');
  rig.sim.setSignal(id, 'tractionbattery-stateofcharge', { value: 20, unit: 'percent' });
  rig.sim.setChargeLimit(id, 90);
  return { ...rig, id };
}

const body = (rig: ReturnType<typeof bev>, code: string) => rig.sim.values(rig.id).get(code)?.body;

describe('charging a BEV', () => {
  it('adds 2 h × 11 kW × 90 % efficiency below 80 %', () => {
    const rig = bev();
    rig.sim.plugIn(rig.id, { powerKw: 11, kind: 'AC' });
    rig.clock.advance(2 * HOUR);

    // Below 80 % the battery takes the charger's power times the efficiency, flat.
    const expectedKwh = 11 * AC_EFFICIENCY * 2;
    const expectedSoc = 20 + (expectedKwh / CAPACITY_KWH) * 100;
    const state = rig.sim.state(rig.id);
    expect(state.stateOfChargePct).toBeCloseTo(expectedSoc, 6);
    expect(state.energyAddedKwh).toBeCloseTo(expectedKwh, 6);
    expect(state.chargingStatus).toBe('CHARGING');
    expect(body(rig, 'charge-energyadded')).toEqual({
      value: Math.round(expectedKwh * 100) / 100,
      unit: 'kWh',
    });
    expect(body(rig, 'charge-wattage')).toEqual({ value: 11_000, unit: 'watt' });
    expect(body(rig, 'charge-ischarging')).toEqual({ value: true });
    expect(body(rig, 'charge-detailedchargingstatus')).toEqual({ value: 'CHARGING' });
    // Still flat until 90 %: minutes = remaining kWh / 9.9 kW.
    const minutesLeft = ((((90 - expectedSoc) / 100) * CAPACITY_KWH) / (11 * AC_EFFICIENCY)) * 60;
    expect(body(rig, 'charge-timetocomplete')).toEqual({ value: Math.ceil(minutesLeft), unit: 'minute' });
    const amps = (body(rig, 'charge-amperage') as { value: number }).value;
    const volts = (body(rig, 'charge-voltage') as { value: number }).value;
    // Amperage is rounded to 0.1 A.
    expect(Math.abs(amps * volts - 11_000)).toBeLessThan(0.05 * volts);
  });

  it('stops at the active limit with FULLY_CHARGED', () => {
    const rig = bev();
    rig.sim.plugIn(rig.id, { powerKw: 11, kind: 'AC' });
    rig.clock.advance(HOUR);
    rig.sim.setChargeLimit(rig.id, 80);
    rig.clock.advance(10 * HOUR);

    const state = rig.sim.state(rig.id);
    expect(state.stateOfChargePct).toBe(80);
    expect(state.chargingStatus).toBe('FULLY_CHARGED');
    expect(state.energyAddedKwh).toBeCloseTo(0.6 * CAPACITY_KWH, 6);
    expect(body(rig, 'charge-ischarging')).toEqual({ value: false });
    expect(body(rig, 'charge-detailedchargingstatus')).toEqual({ value: 'FULLY_CHARGED' });
    expect(body(rig, 'charge-wattage')).toEqual({ value: 0, unit: 'watt' });
    expect(body(rig, 'charge-timetocomplete')).toEqual({ value: 0, unit: 'minute' });
    expect(body(rig, 'charge-chargelimits')).toMatchObject({ activeLimit: 80, unit: 'percent' });
    expect(apiErrorOf(() => rig.sim.startCharge(rig.id))).toMatchObject({
      type: 'VEHICLE_STATE',
      code: 'FULLY_CHARGED',
    });
    // Raising the limit resumes charging from 80 %.
    rig.sim.setChargeLimit(rig.id, 100);
    rig.clock.advance(MINUTE);
    expect(rig.sim.state(rig.id).chargingStatus).toBe('CHARGING');
  });

  it('reaches the limit exactly when the model says', () => {
    const rig = bev();
    rig.sim.plugIn(rig.id, { powerKw: 11 });
    const hours = (((80 - 20) / 100) * CAPACITY_KWH) / (11 * AC_EFFICIENCY);
    rig.sim.setChargeLimit(rig.id, 80);
    rig.clock.advance(hours * HOUR - MINUTE);
    expect(rig.sim.state(rig.id).chargingStatus).toBe('CHARGING');
    rig.clock.advance(2 * MINUTE);
    expect(rig.sim.state(rig.id).chargingStatus).toBe('FULLY_CHARGED');
  });

  it('tapers above 80 % on a fast charger', () => {
    const spec = resolveSpec('TESLA', 'Model 3', 'BEV');
    const curve = chargeCurve(spec, { powerKw: 250, kind: 'DC' })!;
    const rig = bev();
    rig.sim.setSignal(rig.id, 'tractionbattery-stateofcharge', { value: 50, unit: 'percent' });
    rig.sim.setChargeLimit(rig.id, 100);
    rig.sim.plugIn(rig.id, { powerKw: 250, kind: 'DC' });
    const wattsAt = () => (rig.sim.values(rig.id).get('charge-wattage')!.body as { value: number }).value;
    // Below the taper: the charger's 250 kW from the grid (237.5 kW into the battery).
    expect(wattsAt()).toBe(250_000);
    rig.clock.advance(hoursToReach(curve, 50, 95) * HOUR);
    expect(rig.sim.state(rig.id).stateOfChargePct).toBeCloseTo(95, 6);
    // The battery accepts f(95) = 1 − 0.75 × 15/20 = 0.4375 of its 250 kW peak; the grid supplies that over 95 %.
    expect(wattsAt()).toBe(Math.round((250_000 * 0.4375) / 0.95));
    expect(rig.sim.values(rig.id).get('charge-isfastchargerpresent')?.body).toEqual({ value: true });
  });

  it('has a curve whose time and state of charge agree', () => {
    const spec = resolveSpec('TOYOTA', 'RAV4', 'PHEV');
    const curve = chargeCurve(spec, { powerKw: 11, kind: 'AC' })!;
    for (const [from, to] of [
      [10, 70],
      [40, 90],
      [82, 100],
    ] as const) {
      expect(socAfter(curve, from, hoursToReach(curve, from, to))).toBeCloseTo(to, 9);
    }
    // Flat part: 6.6 kW × 0.9 into 18.1 kWh.
    expect(hoursToReach(curve, 10, 70)).toBeCloseTo((0.6 * 18.1) / (6.6 * 0.9), 9);
    expect(chargeCurve(spec, { powerKw: 50, kind: 'DC' })).toBeNull();
  });

  it('refuses charge commands the state forbids', () => {
    const rig = bev();
    expect(apiErrorOf(() => rig.sim.startCharge(rig.id))).toMatchObject({
      type: 'VEHICLE_STATE',
      code: 'CHARGING_PLUG_NOT_CONNECTED',
      status: 409,
    });
    expect(apiErrorOf(() => rig.sim.stopCharge(rig.id))).toMatchObject({ code: 'NOT_CHARGING' });
    rig.sim.plugIn(rig.id);
    rig.sim.stopCharge(rig.id);
    rig.clock.advance(HOUR);
    expect(rig.sim.state(rig.id).stateOfChargePct).toBe(20);
    expect(rig.sim.state(rig.id).chargingStatus).toBe('NOT_CHARGING');
    rig.sim.startCharge(rig.id);
    rig.clock.advance(HOUR);
    expect(rig.sim.state(rig.id).stateOfChargePct).toBeCloseTo(
      20 + ((11 * AC_EFFICIENCY) / CAPACITY_KWH) * 100,
      6,
    );
    expect(apiErrorOf(() => rig.sim.closeChargePort(rig.id))).toMatchObject({ code: 'CHARGING_IN_PROGRESS' });
    expect(apiErrorOf(() => rig.sim.setChargeLimit(rig.id, 49))).toMatchObject({ type: 'VALIDATION' });
    expect(apiErrorOf(() => rig.sim.plugIn(rig.id, { powerKw: 0 }))).toMatchObject({ type: 'VALIDATION' });
  });

  it('records the session when unplugged and keeps its energy', () => {
    const rig = bev();
    rig.sim.plugIn(rig.id, { powerKw: 11 });
    rig.clock.advance(HOUR);
    rig.sim.unplug(rig.id);
    rig.clock.advance(HOUR);
    const state = rig.sim.state(rig.id);
    expect(state.charger).toBeNull();
    expect(state.energyAddedKwh).toBeCloseTo(9.9, 6);
    const records = body(rig, 'charge-chargerecords') as {
      values: { energyAdded: number; chargingType: string }[];
    };
    expect(records.values).toEqual([expect.objectContaining({ energyAdded: 9.9, chargingType: 'AC' })]);
    expect(apiErrorOf(() => rig.sim.unplug(rig.id))).toMatchObject({ code: 'CHARGING_PLUG_NOT_CONNECTED' });
  });

  it('rejects charging on vehicles without a charge port', () => {
    const rig = simulationRig();
    const ice = rig.add('ice-1', 'VOLKSWAGEN', 'Tiguan', 'ICE');
    for (const action of [
      () => rig.sim.startCharge(ice),
      () => rig.sim.stopCharge(ice),
      () => rig.sim.setChargeLimit(ice, 80),
      () => rig.sim.openChargePort(ice),
      () => rig.sim.plugIn(ice),
    ]) {
      expect(apiErrorOf(action)).toMatchObject({
        type: 'COMPATIBILITY',
        code: 'VEHICLE_NOT_CAPABLE',
        status: 501,
      });
    }
    const values = rig.sim.values(ice);
    expect(values.has('tractionbattery-stateofcharge')).toBe(false);
    expect(values.has('internalcombustionengine-fuellevel')).toBe(true);
    expect([...values.keys()].every((code) => SIGNAL_CODES.includes(code as never))).toBe(true);
  });
});
