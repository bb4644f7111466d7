import type { PowertrainType } from '@paddock/contract';
import { ApiError } from '../../src/http/api-error.js';
import { createManualClock, type ManualClock } from '../../src/simulation/clock.js';
import { createVehicleSimulator, type VehicleSimulator } from '../../src/simulation/vehicle-simulator.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/repositories.js';

export interface SimulationRig {
  clock: ManualClock;
  store: Store;
  sim: VehicleSimulator;
  /** Adds a vehicle to the store and returns its id. */
  add(id: string, make: string, model: string, powertrainType: PowertrainType): string;
}

/** A simulator over an in-memory store on a frozen clock. */
export function simulationRig(seed = 'simulation-test'): SimulationRig {
  const clock = createManualClock();
  const store = createMemoryStore(clock);
  const sim = createVehicleSimulator({ store, clock, seed });
  return {
    clock,
    store,
    sim,
    add(id, make, model, powertrainType) {
      store.vehicles.ensure({ id, vin: '5YJ3E1EA7KF317000', make, model, year: 2024, powertrainType });
      return id;
    },
  };
}

/** Runs `fn` and returns the ApiError it throws (fails the test if it does not). */
export function apiErrorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
