import type { ChargeScheduleType } from '@paddock/contract';
import type { Dumpable } from './webhook-repositories.js';

/** A charge schedule held by a vehicle (reference §3.6); readable in the `charge-chargetimers` signal. */
export interface ChargeScheduleRecord {
  /** `sch_<26 characters>`. */
  id: string;
  vehicleId: string;
  /** The application and user whose request created it. */
  applicationId: string;
  userId: string;
  scheduleType: ChargeScheduleType;
  location: { latitude: number; longitude: number };
  /** The request's attributes without `location`: `{ startTime, stopTime }`, `{ days }` or `{ weekdays, weekends }`. */
  parameters: Record<string, unknown>;
  /** Epoch ms on the emulator clock. */
  createdAt: number;
}

export interface ChargeScheduleRepository extends Dumpable<ChargeScheduleRecord> {
  insert(schedule: ChargeScheduleRecord): void;
  /** The vehicle's schedules, oldest first. */
  listSchedules(vehicleId: string): ChargeScheduleRecord[];
  findById(id: string): ChargeScheduleRecord | undefined;
  delete(id: string): boolean;
  /** A number that changes whenever any schedule is added, deleted or loaded (readers cache on it). */
  revision(): number;
}

export function memoryChargeSchedules(): ChargeScheduleRepository {
  const byId = new Map<string, ChargeScheduleRecord>();
  const byVehicle = new Map<string, Map<string, ChargeScheduleRecord>>();
  let revision = 0;
  const index = (s: ChargeScheduleRecord) => {
    byId.set(s.id, s);
    const list = byVehicle.get(s.vehicleId) ?? new Map<string, ChargeScheduleRecord>();
    list.set(s.id, s);
    byVehicle.set(s.vehicleId, list);
  };
  return {
    insert(schedule) {
      if (byId.has(schedule.id)) throw new Error(`Charge schedule ${schedule.id} already exists`);
      index(schedule);
      revision++;
    },
    listSchedules: (vehicleId) => [...(byVehicle.get(vehicleId)?.values() ?? [])],
    findById: (id) => byId.get(id),
    delete(id) {
      const schedule = byId.get(id);
      if (!schedule) return false;
      byId.delete(id);
      byVehicle.get(schedule.vehicleId)?.delete(id);
      revision++;
      return true;
    },
    dump: () => [...byId.values()],
    load(list) {
      byId.clear();
      byVehicle.clear();
      for (const schedule of list) index(schedule);
      revision++;
    },
    revision: () => revision,
  };
}
