import type { VehicleRecord } from '../store/records.js';
import type { LoaderDeps } from './vehicle-loader.js';
import type { SignalOptions } from './vehicle-simulator.js';

/** Vehicles whose last list is kept; past this the memo starts over (lists are ~60 KB each). */
const CAPACITY = 32;

interface Entry {
  at: number;
  states: number;
  schedules: number;
  vehicle: VehicleRecord | undefined;
  permissions: string;
  unitSystem: string;
  origin: string;
  list: { count: number; json: string };
}

/**
 * Remembers each vehicle's last signal list text with everything it was
 * made from: the instant of the state it shows (the store's last poll, see
 * `signal-store.ts`), the revisions of the stored vehicle states and charge
 * schedules (the only other inputs of the simulation), the vehicle record,
 * and the reader's permissions, units and origin. A list is a pure function
 * of those, so an equal key gives the same text; clients reading a vehicle
 * many times between two polls then cost one rendering, not one per request.
 */
export function createSignalListMemo(deps: LoaderDeps) {
  const entries = new Map<string, Entry>();
  return {
    get(
      vehicleId: string,
      opts: SignalOptions,
      at: number,
      render: () => { count: number; json: string },
    ): { count: number; json: string } {
      const permissions = opts.permissions.join(' ');
      const hit = entries.get(vehicleId);
      if (
        hit &&
        hit.at === at &&
        hit.states === deps.store.vehicleStates.revision() &&
        hit.schedules === deps.store.chargeSchedules.revision() &&
        hit.vehicle === deps.store.vehicles.findById(vehicleId) &&
        hit.permissions === permissions &&
        hit.unitSystem === opts.unitSystem &&
        hit.origin === opts.origin
      ) {
        return hit.list;
      }
      const list = render();
      if (!entries.has(vehicleId) && entries.size >= CAPACITY) entries.clear();
      entries.set(vehicleId, {
        at,
        states: deps.store.vehicleStates.revision(),
        schedules: deps.store.chargeSchedules.revision(),
        vehicle: deps.store.vehicles.findById(vehicleId),
        permissions,
        unitSystem: opts.unitSystem,
        origin: opts.origin,
        list,
      });
      return list;
    },
  };
}
