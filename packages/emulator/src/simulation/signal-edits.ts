import type { SignalBody, SignalCode } from '@paddock/contract';
import { ApiError } from '../http/api-error.js';
import { OPENING, type VehicleAnchor } from './vehicle-anchor.js';

/** Units a control-surface edit may not use: edits are stored metric. */
const IMPERIAL_UNITS = new Set(['miles', 'mph', 'psi', 'gallons', 'fahrenheit']);

/** The first imperial unit found anywhere in a body, if any. */
export function imperialUnitIn(body: unknown): string | undefined {
  if (Array.isArray(body)) return body.map(imperialUnitIn).find((u) => u !== undefined);
  if (body === null || typeof body !== 'object') return undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'unit' && typeof value === 'string' && IMPERIAL_UNITS.has(value)) return value;
    const nested = imperialUnitIn(value);
    if (nested) return nested;
  }
  return undefined;
}

const invalid = (detail: string) => new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', { detail });

function inRange(value: number | null, min: number, max: number, what: string): number {
  if (value === null || !Number.isFinite(value) || value < min || value > max) {
    throw invalid(`${what} must be a number from ${min} to ${max}.`);
  }
  return value;
}

function known<T>(value: T | null, what: string): T {
  if (value === null) throw invalid(`${what} must not be null for a simulated vehicle.`);
  return value;
}

/** Index of a (row, column) position in front-left, front-right, rear-left, rear-right order. */
function corner(row: number, column: number): number {
  if (row < 0 || row > 1 || column < 0 || column > 1)
    throw invalid('Positions are rows 0–1 and columns 0–1.');
  return row * 2 + column;
}

const setBit = (mask: number, bit: number, on: boolean | null) => (on ? mask | bit : mask & ~bit);

type Editor<C extends SignalCode> = (a: VehicleAnchor, body: SignalBody<C>) => void;
type Editors = { [C in SignalCode]?: Editor<C> };

/**
 * Edits that change the simulated state itself, so the simulation carries
 * on from the new value (charging from an edited state of charge, driving
 * from an edited location). The anchor has been settled to now.
 */
export const STATE_EDITORS: Editors = {
  'tractionbattery-stateofcharge': (a, b) => {
    a.soc = inRange(b.value, 0, 100, 'value');
    // A new truth about the battery: energy added counts from here.
    a.sessionStartSoc = a.soc;
  },
  'internalcombustionengine-fuellevel': (a, b) => {
    a.fuel = inRange(b.value, 0, 100, 'value');
  },
  'odometer-traveleddistance': (a, b) => {
    a.odometerKm = inRange(b.value, 0, 10_000_000, 'value');
  },
  'location-preciselocation': (a, b) => {
    a.lat = inRange(b.latitude, -90, 90, 'latitude');
    a.lon = inRange(b.longitude, -180, 180, 'longitude');
    if (b.heading !== null) a.heading = inRange(b.heading, 0, 360, 'heading') % 360;
  },
  'closure-islocked': (a, b) => {
    a.locked = known(b.value, 'value');
  },
  'closure-doors': (a, b) => {
    for (const d of b.values)
      a.openings = setBit(a.openings, OPENING.door(corner(d.row, d.column)), d.isOpen);
    if (b.values.length > 0 && b.values.every((d) => d.isLocked !== null)) {
      a.locked = b.values.every((d) => d.isLocked);
    }
  },
  'closure-windows': (a, b) => {
    for (const w of b.values)
      a.openings = setBit(a.openings, OPENING.window(corner(w.row, w.column)), w.isOpen);
  },
  'closure-fronttrunk': (a, b) => {
    a.openings = setBit(a.openings, OPENING.frontTrunk, b.isOpen);
  },
  'closure-reartrunk': (a, b) => {
    a.openings = setBit(a.openings, OPENING.rearTrunk, b.isOpen);
  },
  'closure-tailgate': (a, b) => {
    a.openings = setBit(a.openings, OPENING.tailgate, b.isOpen);
  },
  'closure-sunroof': (a, b) => {
    a.openings = setBit(a.openings, OPENING.sunroof, b.isOpen);
  },
  'closure-enginecover': (a, b) => {
    a.openings = setBit(a.openings, OPENING.engineCover, b.isOpen);
  },
  'wheel-tires': (a, b) => {
    for (const t of b.values)
      a.tires[corner(t.row, t.column)] = inRange(t.tirePressure, 0, 1000, 'tirePressure');
  },
  'charge-chargelimits': (a, b) => {
    a.chargeLimit = inRange(b.activeLimit, 50, 100, 'activeLimit');
  },
  'vehicleidentification-nickname': (a, b) => {
    a.nickname = b.value;
  },
  'climate-internaltemperature': (a, b) => {
    a.cabinC = inRange(b.value, -60, 90, 'value');
  },
  'lowvoltagebattery-stateofcharge': (a, b) => {
    a.lowVoltageSoc = inRange(b.value, 0, 100, 'value');
  },
};
