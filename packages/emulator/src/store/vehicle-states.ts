import type { VehicleAnchor } from '../simulation/vehicle-anchor.js';
import type { Dumpable } from './webhook-repositories.js';

/**
 * The simulator's stored state of each vehicle, written only when a vehicle
 * is first read or changed: untouched vehicles have no row. Exported and
 * imported with the rest of the store.
 */
export interface VehicleStateRepository extends Dumpable<VehicleAnchor> {
  get(vehicleId: string): VehicleAnchor | undefined;
  /** Inserts or replaces the vehicle's state. */
  put(state: VehicleAnchor): void;
  delete(vehicleId: string): void;
  /** Number of vehicles with stored state. */
  size(): number;
}

export function memoryVehicleStates(): VehicleStateRepository {
  const byId = new Map<string, VehicleAnchor>();
  return {
    get: (id) => byId.get(id),
    put(state) {
      byId.set(state.vehicleId, state);
    },
    delete(id) {
      byId.delete(id);
    },
    size: () => byId.size,
    dump: () => [...byId.values()],
    load(list) {
      byId.clear();
      for (const state of list) byId.set(state.vehicleId, state);
    },
  };
}
