import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import { type ChargeScheduleExecution, parseChargeScheduleExecution } from '../parse/charge-schedule.js';
import type { Coordinates } from './commands.js';
import { APIResource, assertId, assertNumberInRange } from './resource.js';

/** A local wall time, 24-hour `HH:MM`, e.g. `'08:00'`. */
export type ScheduleTime = string;

/** A charging window; a `stopTime` before `startTime` crosses midnight. */
export interface ChargeWindow {
  startTime: ScheduleTime;
  stopTime: ScheduleTime;
}

/** `MONDAY` … `SUNDAY`. */
export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** One window every day at a charging location. */
export interface DailySchedule extends ChargeWindow {
  location: Coordinates;
}

/** One window on each listed weekday (each day at most once). */
export interface WeeklySchedule {
  location: Coordinates;
  days: (ChargeWindow & { dayOfWeek: DayOfWeek })[];
}

/** One window Monday–Friday and one Saturday–Sunday. */
export interface WorkweekSchedule {
  location: Coordinates;
  weekdays: ChargeWindow;
  weekends: ChargeWindow;
}

const DAYS = new Set(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);

/**
 * Charge schedules (reference §3.6): `/v3/vehicles/{id}/charge-schedules/…`.
 * Every call needs a `userId` and permission `control_charge`. Tesla takes all
 * three types and Volvo `daily`; other makes answer `CompatibilityError`
 * `VEHICLE_NOT_CAPABLE`. Current schedules are read through the
 * `charge-chargetimers` signal. Like commands, these are never retried without an `idempotencyKey`.
 */
export class ChargeSchedules extends APIResource {
  /** Creates a daily schedule (`POST …/charge-schedules/daily`). */
  createDaily(
    vehicleId: string,
    schedule: DailySchedule,
    options?: RequestOptions,
  ): APIPromise<ChargeScheduleExecution> {
    assertLocation(schedule);
    assertWindow('schedule', schedule);
    const { location, startTime, stopTime } = schedule;
    return this.#create(vehicleId, 'daily', { location, startTime, stopTime }, options);
  }

  /** Creates a weekly schedule (`POST …/charge-schedules/weekly`). */
  createWeekly(
    vehicleId: string,
    schedule: WeeklySchedule,
    options?: RequestOptions,
  ): APIPromise<ChargeScheduleExecution> {
    assertLocation(schedule);
    if (!Array.isArray(schedule.days) || schedule.days.length === 0 || schedule.days.length > 7) {
      throw new TypeError('days must list one to seven { dayOfWeek, startTime, stopTime }');
    }
    const seen = new Set<string>();
    const days = schedule.days.map((day, i) => {
      if (!DAYS.has(day?.dayOfWeek) || seen.has(day.dayOfWeek)) {
        throw new TypeError(
          `days[${i}].dayOfWeek must be a weekday not listed before, got ${String(day?.dayOfWeek)}`,
        );
      }
      seen.add(day.dayOfWeek);
      assertWindow(`days[${i}]`, day);
      return { dayOfWeek: day.dayOfWeek, startTime: day.startTime, stopTime: day.stopTime };
    });
    return this.#create(vehicleId, 'weekly', { location: schedule.location, days }, options);
  }

  /** Creates a workweek schedule (`POST …/charge-schedules/workweek`). */
  createWorkweek(
    vehicleId: string,
    schedule: WorkweekSchedule,
    options?: RequestOptions,
  ): APIPromise<ChargeScheduleExecution> {
    assertLocation(schedule);
    assertWindow('weekdays', schedule.weekdays);
    assertWindow('weekends', schedule.weekends);
    const { location, weekdays, weekends } = schedule;
    return this.#create(vehicleId, 'workweek', { location, weekdays, weekends }, options);
  }

  /** Deletes a schedule (`DELETE …/charge-schedules/{scheduleId}`). */
  delete(
    vehicleId: string,
    scheduleId: string,
    options?: RequestOptions,
  ): APIPromise<ChargeScheduleExecution> {
    assertId('vehicleId', vehicleId);
    assertId('scheduleId', scheduleId);
    this.requireUserId(options, 'chargeSchedules.delete');
    return this.call(
      {
        surface: 'vehicleApi',
        method: 'DELETE',
        path: path`/v3/vehicles/${vehicleId}/charge-schedules/${scheduleId}`,
        isCommand: true,
      },
      options,
      parseChargeScheduleExecution,
    );
  }

  #create(
    vehicleId: string,
    type: 'daily' | 'weekly' | 'workweek',
    attributes: Record<string, unknown>,
    options: RequestOptions | undefined,
  ): APIPromise<ChargeScheduleExecution> {
    assertId('vehicleId', vehicleId);
    this.requireUserId(options, `chargeSchedules ${type}`);
    return this.call(
      {
        surface: 'vehicleApi',
        method: 'POST',
        path: `${path`/v3/vehicles/${vehicleId}`}/charge-schedules/${type}`,
        body: { data: { attributes } },
        isCommand: true,
      },
      options,
      parseChargeScheduleExecution,
    );
  }
}

function assertLocation(schedule: { location?: Coordinates } | undefined): void {
  if (typeof schedule !== 'object' || schedule === null || typeof schedule.location !== 'object') {
    throw new TypeError('schedule.location must be { latitude, longitude }');
  }
  assertNumberInRange('location.latitude', schedule.location?.latitude, -90, 90);
  assertNumberInRange('location.longitude', schedule.location?.longitude, -180, 180);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function assertWindow(name: string, window: Partial<ChargeWindow> | undefined): void {
  for (const key of ['startTime', 'stopTime'] as const) {
    const value = window?.[key];
    if (typeof value !== 'string' || !TIME.test(value)) {
      throw new TypeError(`${name}.${key} must be a 24-hour "HH:MM", got ${JSON.stringify(value)}`);
    }
  }
  if (window?.startTime === window?.stopTime)
    throw new TypeError(`${name}: startTime and stopTime must differ`);
}
