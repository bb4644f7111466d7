import type { SignalResource } from '@paddock/contract';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { VehicleState } from './vehicle-state.js';

export type { SignalResource } from '@paddock/contract';
export type { VehicleState } from './vehicle-state.js';

/** Options of `VehicleSimulator.signals`. */
export interface SignalOptions {
  /** Permissions of the connection reading the signals; the others come back as status ERROR. */
  permissions: readonly string[];
  unitSystem: 'metric' | 'imperial';
  /** Origin of the absolute links (`http://localhost:4010`). */
  origin: string;
}

/**
 * Living vehicles: state evaluated lazily on the emulator clock, mutations
 * that respect that state. Every method throws ApiError RESOURCE_NOT_FOUND /
 * VEHICLE_NOT_FOUND for an unknown vehicle id.
 */
export interface VehicleSimulator {
  /** Current state, advanced lazily to deps.clock.now(). */
  state(vehicleId: string): VehicleState;
  /** Every catalogue signal for the vehicle as v3 signal resources (SUCCESS / ERROR (permission) / UNAVAILABLE (powertrain)). */
  signals(vehicleId: string, opts: SignalOptions): SignalResource[];
  /** Raw current values by code, metric, for webhook diffing: each signal the powertrain has. */
  values(vehicleId: string): Map<string, { body: unknown; oemUpdatedAt: number }>;
  lock(vehicleId: string): void;
  unlock(vehicleId: string): void;
  startCharge(vehicleId: string): void;
  stopCharge(vehicleId: string): void;
  setChargeLimit(vehicleId: string, percent: number): void;
  openChargePort(vehicleId: string): void;
  closeChargePort(vehicleId: string): void;
  setDestination(vehicleId: string, latitude: number, longitude: number): void;
  plugIn(vehicleId: string, charger?: { powerKw?: number; kind?: 'AC' | 'DC' }): void;
  unplug(vehicleId: string): void;
  startTrip(
    vehicleId: string,
    trip?: { speedKph?: number; headingDeg?: number; destination?: { latitude: number; longitude: number } },
  ): void;
  endTrip(vehicleId: string): void;
  /** Overrides a signal's body; validated against the catalogue body schema (ApiError VALIDATION). */
  setSignal(vehicleId: string, code: string, body: unknown): void;
  setOnline(vehicleId: string, online: boolean): void;
  setAsleep(vehicleId: string, asleep: boolean): void;
}

/** Creates the simulator over the store's vehicles. */
export function createVehicleSimulator(
  deps: Pick<EmulatorDeps, 'store' | 'clock' | 'seed'>,
): VehicleSimulator {
  const notReady = (vehicleId: string): never => {
    if (!deps.store.vehicles.findById(vehicleId)) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', {
        detail: `Vehicle with ID ${vehicleId} not found`,
      });
    }
    throw new ApiError('SERVER', 'INTERNAL', { detail: 'The vehicle simulator is being built.' });
  };
  return {
    state: notReady,
    signals: notReady,
    values: notReady,
    lock: notReady,
    unlock: notReady,
    startCharge: notReady,
    stopCharge: notReady,
    setChargeLimit: notReady,
    openChargePort: notReady,
    closeChargePort: notReady,
    setDestination: notReady,
    plugIn: notReady,
    unplug: notReady,
    startTrip: notReady,
    endTrip: notReady,
    setSignal: notReady,
    setOnline: notReady,
    setAsleep: notReady,
  };
}
