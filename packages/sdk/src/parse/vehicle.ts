import type { PowertrainType, VehicleMode } from '@paddock/contract';
import { POWERTRAIN_TYPES } from '../core/wire.js';
import { InvalidResponseError } from '../errors.js';
import { num, obj, str } from './json.js';

/** A vehicle, normalised from `GET /v3/vehicles/{id}`. */
export interface Vehicle {
  id: string;
  /** Upper case in live data, e.g. `TESLA`. */
  make: string;
  model: string;
  year: number;
  powertrainType?: PowertrainType;
  mode?: VehicleMode;
}

/**
 * Reads a vehicle with or without the `data` wrapper, with attributes nested
 * (v3) or flat (v2). Extra fields are ignored; missing id/make/model/year
 * is an {@link InvalidResponseError}.
 */
export function parseVehicle(body: unknown): Vehicle {
  const root = obj(body);
  const resource = obj(root?.data) ?? root;
  const attributes = obj(resource?.attributes) ?? resource;
  const id = str(resource?.id);
  const make = str(attributes?.make);
  const model = str(attributes?.model);
  const year = num(attributes?.year);
  if (id === undefined || make === undefined || model === undefined || year === undefined) {
    const missing = Object.entries({ id, make, model, year })
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    throw new InvalidResponseError(`Vehicle response lacks ${missing.join(', ')}`);
  }
  const vehicle: Vehicle = { id, make, model, year };
  const powertrainType = parsePowertrain(attributes?.powertrainType);
  if (powertrainType) vehicle.powertrainType = powertrainType;
  const mode = parseVehicleMode(attributes?.mode);
  if (mode) vehicle.mode = mode;
  return vehicle;
}

export function parsePowertrain(value: unknown): PowertrainType | undefined {
  const upper = str(value)?.toUpperCase();
  return (POWERTRAIN_TYPES as readonly string[]).includes(upper ?? '')
    ? (upper as PowertrainType)
    : undefined;
}

/** `live`/`simulated` in API bodies; webhooks say `LIVE`/`TEST`. */
export function parseVehicleMode(value: unknown): VehicleMode | undefined {
  switch (str(value)?.toLowerCase()) {
    case 'live':
      return 'live';
    case 'simulated':
    case 'test':
      return 'simulated';
    default:
      return undefined;
  }
}
