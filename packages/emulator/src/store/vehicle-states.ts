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
  /**
   * A number that changes on every `put`, `delete` and `load`. The simulator
   * changes a state in place and then puts it, so a reader may cache what it
   * derived from the states for as long as this stays the same.
   */
  revision(): number;
}

export function memoryVehicleStates(): VehicleStateRepository {
  const byId = new Map<string, VehicleAnchor>();
  let revision = 0;
  return {
    get: (id) => byId.get(id),
    put(state) {
      byId.set(state.vehicleId, state);
      revision++;
    },
    delete(id) {
      byId.delete(id);
      revision++;
    },
    size: () => byId.size,
    revision: () => revision,
    dump: () => [...byId.values()],
    load(list) {
      byId.clear();
      for (const state of list) byId.set(state.vehicleId, state);
      revision++;
    },
  };
}
