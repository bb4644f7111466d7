import { createSettings, type Settings } from '../control/settings.js';
import type { VehicleRecord } from '../store/records.js';
import type { LoaderDeps } from './vehicle-loader.js';

/**
 * Smartcar serves v3 signals from its store, filled by polling the vehicle
 * (reference §3.4, "Freshness"): a read returns what the last poll fetched,
 * and `retrievedAt` says when that was. The emulator polls a vehicle when it
 * is read and its last poll is older than `refreshMs` of the emulator clock,
 * and at once after anything changed the vehicle (a command, an edit, a
 * plug-in: Smartcar reads a vehicle again after acting on it). Webhook
 * trigger checks poll too, so an event and the reads after it agree.
 */
export interface SignalStoreSettings {
  /** Emulator-clock milliseconds a poll stays current; 0 polls on every read. Default 1,000. */
  refreshMs: number;
}

export const DEFAULT_SIGNAL_STORE: Readonly<SignalStoreSettings> = Object.freeze({ refreshMs: 1_000 });

/** A day: the reference's refresh of a vehicle no webhook subscribes to. */
export const MAX_SIGNAL_REFRESH_MS = 86_400_000;

/** The setting behind `PUT /_emulator/settings/signals`. */
export type SignalStoreControl = Settings<SignalStoreSettings>;

export function createSignalStoreControl(initial: Partial<SignalStoreSettings> = {}): SignalStoreControl {
  return createSettings(DEFAULT_SIGNAL_STORE, initial);
}

interface Poll {
  at: number;
  states: number;
  schedules: number;
  vehicle: VehicleRecord;
}

/** Vehicles whose last poll is remembered; past this the record starts over (a forgotten vehicle is polled again). */
const CAPACITY = 10_000;

/**
 * When each vehicle was last polled. `pollInstant` is the emulator instant
 * whose state a read serves: the last poll while it is current and nothing
 * changed since (the store revisions and the vehicle record are the same),
 * else now, which becomes the last poll.
 */
export function createPollTracker(deps: LoaderDeps, settings: SignalStoreControl) {
  const polls = new Map<string, Poll>();
  return {
    pollInstant(vehicle: VehicleRecord): number {
      const now = deps.clock.now();
      const states = deps.store.vehicleStates.revision();
      const schedules = deps.store.chargeSchedules.revision();
      const last = polls.get(vehicle.id);
      if (
        last &&
        last.vehicle === vehicle &&
        last.states === states &&
        last.schedules === schedules &&
        now >= last.at &&
        now - last.at < settings.get().refreshMs
      ) {
        return last.at;
      }
      return this.poll(vehicle);
    },
    /** Polls the vehicle now: later reads serve its state at this instant. */
    poll(vehicle: VehicleRecord): number {
      const now = deps.clock.now();
      if (polls.size >= CAPACITY && !polls.has(vehicle.id)) polls.clear();
      polls.set(vehicle.id, {
        at: now,
        states: deps.store.vehicleStates.revision(),
        schedules: deps.store.chargeSchedules.revision(),
        vehicle,
      });
      return now;
    },
  };
}
