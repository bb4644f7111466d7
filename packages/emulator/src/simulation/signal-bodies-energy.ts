import type { SignalBody, SignalCode } from '@paddock/contract';
import { chargeTimers } from './charge-timers.js';
import { AC_EFFICIENCY, DC_EFFICIENCY } from './charging-model.js';
import type { SignalContext } from './signal-context.js';
import { round, trait } from './traits.js';

type EnergyCode = Extract<
  SignalCode,
  | `tractionbattery-${string}`
  | `charge-${string}`
  | `internalcombustionengine-${string}`
  | `lowvoltagebattery-${string}`
>;

/** Line voltage of a North American level-2 charger, and pack voltages of 400 V and 800 V platforms. */
const AC_VOLTS = 240;
const packVolts = (ctx: SignalContext) => (ctx.spec.maxDcKw > 200 ? 800 : 400);
const volts = (ctx: SignalContext) => (ctx.state.charger?.kind === 'DC' ? packVolts(ctx) : AC_VOLTS);
/** Power drawn from the charger, W (battery-side power over efficiency). */
const gridWatts = (ctx: SignalContext) =>
  ctx.state.chargePowerKw === 0
    ? 0
    : (ctx.state.chargePowerKw * 1000) / (ctx.state.charger?.kind === 'DC' ? DC_EFFICIENCY : AC_EFFICIENCY);
const isTesla = (ctx: SignalContext) => ctx.vehicle.make === 'TESLA';
const electricRange = (ctx: SignalContext) => ctx.state.electricRangeKm ?? 0;

/** Bodies of the traction battery, charge, engine and 12 V battery signals, metric. */
export const ENERGY_BODIES: { [C in EnergyCode]: (ctx: SignalContext) => SignalBody<C> } = {
  'tractionbattery-stateofcharge': (c) => ({ value: round(c.state.stateOfChargePct ?? 0), unit: 'percent' }),
  'tractionbattery-range': (c) => ({
    value: round(electricRange(c), 1),
    unit: 'km',
    type: 'DEFAULT',
    additionalValues: [{ type: 'ESTIMATED', value: round(electricRange(c) * 0.92, 1), unit: 'km' }],
  }),
  'tractionbattery-nominalcapacity': (c) => ({
    capacity: c.spec.batteryKwh,
    unit: 'kWh',
    source: 'SMARTCAR',
    availableCapacities: [{ capacity: c.spec.batteryKwh, description: null }],
  }),
  'tractionbattery-isheateractive': (c) => ({
    value: c.state.chargingStatus === 'CHARGING' && c.state.outsideC < 0,
  }),
  'tractionbattery-maxrangechargecounter': (c) => ({ value: trait(c.anchor.traits, 1, 40) }),
  'tractionbattery-estimatedrange': (c) => ({ value: round(electricRange(c) * 0.92, 1), unit: 'km' }),
  'tractionbattery-idealrange': (c) => ({ value: round(electricRange(c) * 1.12, 1), unit: 'km' }),
  'tractionbattery-ratedrange': (c) => ({ value: round(electricRange(c), 1), unit: 'km' }),
  'charge-ischarging': (c) => ({ value: c.state.chargingStatus === 'CHARGING' }),
  'charge-ischargingcableconnected': (c) => ({ value: c.state.charger !== null }),
  'charge-ischargingcablelatched': (c) => ({ value: c.state.charger !== null }),
  'charge-ischargingportflapopen': (c) => ({ value: c.state.chargePortOpen }),
  'charge-isfastchargerpresent': (c) => ({ value: c.state.charger?.kind === 'DC' }),
  'charge-detailedchargingstatus': (c) => ({ value: c.state.chargingStatus }),
  'charge-chargelimits': (c) => ({
    values: [{ type: 'GLOBAL', limit: c.state.chargeLimitPct ?? 100 }],
    activeLimit: c.state.chargeLimitPct,
    unit: 'percent',
  }),
  'charge-timetocomplete': (c) => ({ value: Math.ceil(c.state.minutesToComplete ?? 0), unit: 'minute' }),
  'charge-amperage': (c) => ({ value: round(gridWatts(c) / volts(c), 1), unit: 'ampere' }),
  'charge-amperagemax': (c) => ({
    value: round(
      c.state.charger?.kind === 'DC'
        ? (c.spec.maxDcKw * 1000) / packVolts(c)
        : (c.spec.maxAcKw * 1000) / AC_VOLTS,
      1,
    ),
    unit: 'ampere',
  }),
  'charge-amperagerequested': (c) => {
    const charger = c.state.charger;
    if (!charger) return { value: 0, unit: 'ampere' };
    const vehicleKw = charger.kind === 'DC' ? c.spec.maxDcKw : c.spec.maxAcKw;
    return { value: round((Math.min(charger.powerKw, vehicleKw) * 1000) / volts(c), 1), unit: 'ampere' };
  },
  'charge-voltage': (c) => ({ value: c.state.charger ? volts(c) : 0, unit: 'volts' }),
  'charge-wattage': (c) => ({ value: Math.round(gridWatts(c)), unit: 'watt' }),
  'charge-energyadded': (c) => ({ value: round(c.state.energyAddedKwh), unit: 'kWh' }),
  'charge-chargerphases': (c) => ({ value: c.state.charger?.kind === 'AC' ? 1 : null }),
  'charge-chargingconnectortype': (c) => ({
    value: c.state.charger ? (isTesla(c) ? 'NACS' : c.state.charger.kind === 'DC' ? 'CCS1' : 'J1772') : null,
  }),
  'charge-fastchargertype': (c) => ({
    value: c.state.charger?.kind === 'DC' ? (isTesla(c) ? 'NACS' : 'CCS') : null,
  }),
  'charge-chargeportstatuscolor': (c) => ({
    value: !c.state.charger
      ? c.state.chargePortOpen
        ? 'WHITE'
        : 'OFF'
      : c.state.chargingStatus === 'NOT_CHARGING'
        ? 'BLUE'
        : 'GREEN',
  }),
  'charge-chargetimers': (c) => ({ values: chargeTimers(c.schedules()) }),
  'charge-chargerecords': (c) => ({
    values: (c.anchor.chargeRecords ?? []).map((r) => ({
      id: `${c.vehicle.id.slice(0, 8)}-${r.startAt.toString(36)}`,
      startTime: new Date(r.startAt).toISOString(),
      endTime: new Date(r.endAt).toISOString(),
      energyAdded: round(r.energyKwh),
      chargingType: r.kind,
      isPublicCharger: r.kind === 'DC',
      startStateOfCharge: round(r.startSoc),
      endStateOfCharge: round(r.endSoc),
    })),
  }),
  'internalcombustionengine-fuellevel': (c) => ({ value: round(c.state.fuelLevelPct ?? 0), unit: 'percent' }),
  'internalcombustionengine-amountremaining': (c) => ({
    value: round(((c.state.fuelLevelPct ?? 0) / 100) * c.spec.tankLiters, 1),
    unit: 'liters',
  }),
  'internalcombustionengine-range': (c) => ({
    value: round(c.state.fuelRangeKm ?? 0, 1),
    unit: 'kilometers',
  }),
  'internalcombustionengine-oillife': (c) => ({ value: 15 + trait(c.anchor.traits, 2, 86), unit: 'percent' }),
  'lowvoltagebattery-stateofcharge': (c) => ({ value: c.anchor.lowVoltageSoc, unit: 'percent' }),
  'lowvoltagebattery-status': (c) => ({ value: c.anchor.lowVoltageSoc >= 50 ? 'OK' : 'LOW' }),
};
