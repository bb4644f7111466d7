import type { Connection, GuideConnection, Vehicle, VehicleMode } from '@paddock/contract';
import type { ConnectionRecord, VehicleRecord } from '../store/records.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** `GET /v3/vehicles/{id}` data (reference §3.3); the mode is that of the application's connection. */
export function serializeVehicle(origin: string, vehicle: VehicleRecord, mode: VehicleMode): Vehicle {
  const { id, make, model, year, powertrainType } = vehicle;
  return {
    id,
    type: 'vehicle',
    attributes: { make, model, year, powertrainType, mode },
    links: { self: `${origin}/v3/vehicles/${id}` },
  };
}

/** A connection in the JSON:API shape of reference §3.2. */
export function serializeConnection(origin: string, c: ConnectionRecord, vehicle: VehicleRecord): Connection {
  const { make, model, year, powertrainType } = vehicle;
  return {
    id: c.id,
    type: 'connection',
    attributes: {
      permissions: [...c.permissions],
      vehicle: { make, model, year, powertrainType, mode: c.mode },
      user: c.externalId === undefined ? { id: c.userId } : { id: c.userId, externalId: c.externalId },
    },
    relationships: {
      vehicle: {
        data: { id: vehicle.id, type: 'vehicle' },
        links: { related: `${origin}/v3/vehicles/${vehicle.id}` },
      },
      user: { data: { id: c.userId, type: 'user' } },
    },
    meta: { createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) },
    links: { self: `${origin}/v3/connections/${c.id}` },
  };
}

/** The getting-started guide's flat shape (reference §11). */
export function serializeGuideConnection(c: ConnectionRecord): GuideConnection {
  return {
    vehicleId: c.vehicleId,
    userId: c.userId,
    connectedAt: iso(c.createdAt),
    permissions: [...c.permissions],
    mode: c.mode,
  };
}
