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
 * made from: the emulator instant, the revisions of the stored vehicle
 * states and charge schedules (the only other inputs of the simulation), the
 * vehicle record, and the reader's permissions, units and origin. A list is
 * a pure function of those, so an equal key gives the same text; a client
 * polling a vehicle many times in one millisecond of the clock (or while it
 * is frozen) then costs one rendering, not one per request.
 */
export function createSignalListMemo(deps: LoaderDeps) {
  const entries = new Map<string, Entry>();
  return {
    get(
      vehicleId: string,
      opts: SignalOptions,
      render: () => { count: number; json: string },
    ): { count: number; json: string } {
      const permissions = opts.permissions.join(' ');
      const at = deps.clock.now();
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
      // Rendering reads the clock itself; keep the text only if it read this same instant.
      if (deps.clock.now() !== at) return list;
      if (!entries.has(vehicleId) && entries.size >= CAPACITY) entries.clear();
      entries.set(vehicleId, {
        at,
        // Read after rendering: a first read stores the vehicle's new state.
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
