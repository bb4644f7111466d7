import { type ConnectMode, vehicleModeOf } from '@paddock/contract';
import type { SmartcarClient, Vehicle } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { mapConcurrent } from '../../lib/map-concurrent.js';
import { listSmartcarUserIds } from '../accounts/smartcar-users.repository.js';

/** Vehicle details fetched at once, at most; Smartcar rate-limits per application. */
export const VEHICLE_FETCH_CONCURRENCY = 4;

export interface VehiclesServiceDeps {
  readonly db: Kysely<Database>;
  readonly smartcar: SmartcarClient;
  readonly mode: ConnectMode;
}

/** An account's vehicles, read from Smartcar with user ids from our own store only. */
export function createVehiclesService({ db, smartcar, mode }: VehiclesServiceDeps) {
  const vehicleMode = vehicleModeOf(mode);
  return {
    /** Whether this account has linked any Smartcar user. */
    async hasConnection(accountId: string): Promise<boolean> {
      return (await listSmartcarUserIds(db, accountId)).length > 0;
    },

    /**
     * Every vehicle connected to the account, in connection order, each with
     * its details. Smartcar errors propagate as the SDK's errors.
     */
    async listVehicles(accountId: string, signal?: AbortSignal): Promise<Vehicle[]> {
      // vehicleId → our stored Smartcar user id it was listed under (never one from a response).
      const owners = new Map<string, string>();
      for (const userId of await listSmartcarUserIds(db, accountId)) {
        for await (const connection of smartcar.connections.list({ userId, vehicleMode }, { signal })) {
          if (!owners.has(connection.vehicleId)) owners.set(connection.vehicleId, userId);
        }
      }
      return mapConcurrent([...owners], VEHICLE_FETCH_CONCURRENCY, ([vehicleId, userId]) =>
        smartcar.vehicles.retrieve(vehicleId, { userId, signal }),
      );
    },
  };
}

export type VehiclesService = ReturnType<typeof createVehiclesService>;
