import { z } from 'zod';
import { coordinatesShape, EXECUTION_MODES, executionStatusSchema } from './commands.js';

/** Local wall time `HH:MM`, 24-hour (reference §3.6: `"08:00"`). */
export const scheduleTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time "HH:MM"');

/**
 * A charging window. `stopTime` before `startTime` crosses midnight; equal
 * times would be an empty (or a 24-hour) window and are refused.
 */
export const chargeWindowSchema = z
  .object({ startTime: scheduleTimeSchema, stopTime: scheduleTimeSchema })
  .refine((w) => w.startTime !== w.stopTime, {
    message: 'startTime and stopTime must differ',
    path: ['stopTime'],
  });
export type ChargeWindow = z.infer<typeof chargeWindowSchema>;

/** Where the schedule applies (vehicles keep schedules per charging location). */
export const scheduleLocationSchema = z.object(coordinatesShape);

export const DAYS_OF_WEEK = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

const envelope = <T extends z.ZodType>(attributes: T) => z.object({ data: z.object({ attributes }) });

/** `POST …/charge-schedules/daily` (reference §3.6): one window every day. */
export const dailyScheduleAttributesSchema = z
  .object({ location: scheduleLocationSchema, startTime: scheduleTimeSchema, stopTime: scheduleTimeSchema })
  .refine((w) => w.startTime !== w.stopTime, {
    message: 'startTime and stopTime must differ',
    path: ['stopTime'],
  });
export const dailyScheduleBodySchema = envelope(dailyScheduleAttributesSchema);

/**
 * `POST …/charge-schedules/weekly`: one window per listed weekday (⚠ shape
 * unconfirmed in the reference; chosen: `days: [{ dayOfWeek, startTime, stopTime }]`,
 * each day at most once).
 */
export const weeklyScheduleAttributesSchema = z.object({
  location: scheduleLocationSchema,
  days: z
    .array(z.object({ dayOfWeek: z.enum(DAYS_OF_WEEK) }).and(chargeWindowSchema))
    .min(1)
    .max(7)
    .refine((days) => new Set(days.map((d) => d.dayOfWeek)).size === days.length, {
      message: 'each dayOfWeek may appear once',
    }),
});
export const weeklyScheduleBodySchema = envelope(weeklyScheduleAttributesSchema);

/** `POST …/charge-schedules/workweek`: one window Monday–Friday, one Saturday–Sunday (⚠ shape unconfirmed). */
export const workweekScheduleAttributesSchema = z.object({
  location: scheduleLocationSchema,
  weekdays: chargeWindowSchema,
  weekends: chargeWindowSchema,
});
export const workweekScheduleBodySchema = envelope(workweekScheduleAttributesSchema);

/** Request body schemas by schedule type, and the type names as they appear in paths and results. */
export const CHARGE_SCHEDULE_BODIES = {
  daily: dailyScheduleBodySchema,
  weekly: weeklyScheduleBodySchema,
  workweek: workweekScheduleBodySchema,
} as const;
export type ChargeScheduleType = keyof typeof CHARGE_SCHEDULE_BODIES;
export const CHARGE_SCHEDULE_TYPES = Object.keys(CHARGE_SCHEDULE_BODIES) as ChargeScheduleType[];

export type DailyScheduleAttributes = z.infer<typeof dailyScheduleAttributesSchema>;
export type WeeklyScheduleAttributes = z.infer<typeof weeklyScheduleAttributesSchema>;
export type WorkweekScheduleAttributes = z.infer<typeof workweekScheduleAttributesSchema>;

/** Makes that accept schedules, and which types (reference §3.6); every other make is `VEHICLE_NOT_CAPABLE`. */
export const CHARGE_SCHEDULE_SUPPORT: Readonly<Record<string, readonly ChargeScheduleType[]>> = {
  TESLA: ['daily', 'weekly', 'workweek'],
  VOLVO: ['daily'],
};

/** The `charge-schedule-execution` resource (reference §3.6). */
export const chargeScheduleExecutionSchema = z.object({
  id: z.string().min(1),
  type: z.literal('charge-schedule-execution'),
  attributes: z.object({
    action: z.enum(['create', 'delete']),
    scheduleType: z.enum(['daily', 'weekly', 'workweek']),
    status: executionStatusSchema,
    executionMode: z.enum(EXECUTION_MODES),
    scheduleId: z.string().min(1),
    /** The request's attributes without `location` (e.g. `{ startTime, stopTime }`); `{}` on delete. */
    parameters: z.record(z.string(), z.unknown()),
  }),
  links: z.object({ schedule: z.string() }),
});
export type ChargeScheduleExecution = z.infer<typeof chargeScheduleExecutionSchema>;

export const chargeScheduleExecutionResponseSchema = z.object({ data: chargeScheduleExecutionSchema });
export type ChargeScheduleExecutionResponse = z.infer<typeof chargeScheduleExecutionResponseSchema>;

/** Prefix of schedule ids (`sch_…`, reference §3.6). */
export const SCHEDULE_ID_PREFIX = 'sch_';
