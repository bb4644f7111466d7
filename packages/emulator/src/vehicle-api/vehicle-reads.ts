import {
  HEADER_UNIT_SYSTEM,
  type IncludedVehicle,
  isUnitSystem,
  type SignalListResponse,
  type UnitSystem,
  type VehicleResponse,
} from '@paddock/contract';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { SignalOptions } from '../simulation/vehicle-simulator.js';
import type { ApplicationRecord, ConnectionRecord, VehicleRecord } from '../store/records.js';
import { userConnection } from './commands-access.js';
import { serializeVehicle } from './serializers.js';

/*
 * The two reads an integration makes most, as plain functions from the
 * request's facts to the response's JSON text. The Hono routes call them, and
 * so does the Node listener's direct path (`http/direct-reads.ts`), so both
 * ways in give the same bytes and the same errors.
 */

const vehicleNotFound = (detail: string) =>
  new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', { detail });

/** `sc-unit-system` (reference §3.1): absent or blank means metric; anything but metric or imperial is a 400. */
export function parseUnitSystem(header: string | undefined): UnitSystem {
  const raw = header?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'metric';
  if (!isUnitSystem(raw)) {
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
      detail: `The "${HEADER_UNIT_SYSTEM}" header must be "metric" or "imperial".`,
    });
  }
  return raw;
}

/**
 * Vehicle bodies by the connection they were read through. The store
 * replaces a connection record on every change (never edits one), so a body
 * stays right while its record, the vehicle record and the origin are the same.
 */
const vehicleBodies = new WeakMap<
  ConnectionRecord,
  { vehicle: VehicleRecord; origin: string; json: string }
>();

/** `GET /v3/vehicles/{id}` (reference §3.3): only vehicles connected to the token's application. */
export function readVehicleJson(
  deps: Pick<EmulatorDeps, 'store'>,
  application: ApplicationRecord,
  vehicleId: string,
  origin: string,
): string {
  const connection = deps.store.connections.findForVehicle(application.id, vehicleId);
  const vehicle = connection && deps.store.vehicles.findById(vehicleId);
  // Another application's vehicle is indistinguishable from an unknown one.
  if (!connection || !vehicle) throw vehicleNotFound(`Vehicle with ID ${vehicleId} not found`);
  const known = vehicleBodies.get(connection);
  if (known && known.vehicle === vehicle && known.origin === origin) return known.json;
  const body: VehicleResponse = { data: serializeVehicle(origin, vehicle, connection.mode) };
  const json = JSON.stringify(body);
  vehicleBodies.set(connection, { vehicle, origin, json });
  return json;
}

/** What both signal endpoints need once the caller is known: the vehicle and how to render its signals. */
export interface SignalRead {
  vehicle: VehicleRecord;
  connection: ConnectionRecord;
  options: SignalOptions;
}

/**
 * The checks of both signal endpoints (reference §3.4), in order: the unit
 * system, `sc-user-id` (already checked by the caller), and a connection of
 * that user to the vehicle for the token's application (404 otherwise).
 */
export function signalRead(
  deps: Pick<EmulatorDeps, 'store'>,
  request: {
    application: ApplicationRecord;
    vehicleId: string;
    userId: string;
    unitSystem: UnitSystem;
    origin: string;
  },
): SignalRead {
  const { application, vehicleId, userId, unitSystem, origin } = request;
  const connection = userConnection(deps, application.id, userId, vehicleId);
  const vehicle = deps.store.vehicles.findById(vehicleId);
  if (!vehicle) throw vehicleNotFound(`Vehicle with ID ${vehicleId} not found`);
  return { vehicle, connection, options: { permissions: connection.permissions, unitSystem, origin } };
}

/**
 * Bodies already encoded, by the simulator's list text they wrap: the
 * simulator hands back the same object while the list is unchanged (its
 * memo), so a repeated read skips building and encoding ~60 KB again.
 */
const encoded = new WeakMap<object, { origin: string; vehicle: VehicleRecord; body: Buffer<ArrayBuffer> }>();

/** `GET /v3/vehicles/{id}/signals`: the whole catalogue on one page, with `included.vehicle`, as UTF-8 bytes. */
export function readSignalListBody(
  deps: Pick<EmulatorDeps, 'simulator'>,
  read: SignalRead,
): Buffer<ArrayBuffer> {
  const { vehicle, options } = read;
  const { origin } = options;
  const fast = deps.simulator.signalsJson?.(vehicle.id, options);
  const known = fast && encoded.get(fast);
  if (known && known.origin === origin && known.vehicle === vehicle) return known.body;
  const included: { vehicle: IncludedVehicle } = {
    vehicle: {
      id: vehicle.id,
      type: 'vehicle',
      attributes: { make: vehicle.make, model: vehicle.model, year: vehicle.year },
      links: { self: `${origin}/v3/vehicles/${vehicle.id}` },
    },
  };
  const signals = fast ? undefined : deps.simulator.signals(vehicle.id, options);
  const count = fast ? fast.count : signals!.length;
  const rest: Omit<SignalListResponse, 'data'> = {
    meta: { totalCount: count, pageSize: count, pageNumber: 1 },
    links: { self: `${origin}/v3/vehicles/${vehicle.id}/signals` },
    included,
  };
  if (!fast) return Buffer.from(JSON.stringify({ data: signals!, ...rest } satisfies SignalListResponse));
  // The list's text is made by the simulator; the envelope around it keeps
  // the key order of the object form (data, meta, links, included).
  const body = Buffer.from(
    `{"data":${fast.json},"meta":${JSON.stringify(rest.meta)},"links":${JSON.stringify(rest.links)},"included":${JSON.stringify(rest.included)}}`,
  );
  encoded.set(fast, { origin, vehicle, body });
  return body;
}
