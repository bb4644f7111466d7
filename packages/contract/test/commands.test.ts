import {
  CHARGE_SCHEDULE_BODIES,
  COMMANDS,
  chargeScheduleExecutionResponseSchema,
  commandExecutionResponseSchema,
  dailyScheduleBodySchema,
  setChargeLimitBodySchema,
  setDestinationBodySchema,
  weeklyScheduleBodySchema,
  workweekScheduleBodySchema,
} from '@paddock/contract';

// The reference's §3.5 and §3.6 examples, ids filled in.
const COMMAND_RESULT = {
  data: {
    id: 'exec_01HXYZ0000000000000000000',
    type: 'command-execution',
    attributes: {
      commandType: 'charge-set-limit',
      status: { value: 'SUCCESS' },
      executionMode: 'sync',
      parameters: { percent: 80 },
    },
    meta: {
      executedAt: '2026-05-02T08:20:00.000Z',
      completedAt: '2026-05-02T08:20:04.000Z',
      durationInSeconds: 4,
    },
  },
};

const SCHEDULE_RESULT = {
  data: {
    id: 'exec_01',
    type: 'charge-schedule-execution',
    attributes: {
      action: 'create',
      scheduleType: 'daily',
      status: { value: 'SUCCESS' },
      executionMode: 'sync',
      scheduleId: 'sch_01',
      parameters: { startTime: '08:00', stopTime: '10:00' },
    },
    links: { schedule: 'https://vehicle.api.smartcar.com/v3/vehicles/v1/charge-schedules/sch_01' },
  },
};

const location = { latitude: 37.7749, longitude: -122.4194 };

describe('commands and charge schedules contract', () => {
  it('parses the documented results', () => {
    expect(commandExecutionResponseSchema.parse(COMMAND_RESULT).data.attributes.parameters).toEqual({
      percent: 80,
    });
    expect(chargeScheduleExecutionResponseSchema.parse(SCHEDULE_RESULT).data.attributes.scheduleId).toBe(
      'sch_01',
    );
  });

  it('lists eight commands with unique paths', () => {
    const paths = Object.values(COMMANDS).map((c) => c.path);
    expect(paths).toHaveLength(8);
    expect(new Set(paths).size).toBe(8);
  });

  it('bounds the charge limit to 50–100', () => {
    const body = (percent: unknown) => ({ data: { attributes: { percent } } });
    expect(setChargeLimitBodySchema.safeParse(body(80)).success).toBe(true);
    expect(setChargeLimitBodySchema.safeParse(body(50)).success).toBe(true);
    expect(setChargeLimitBodySchema.safeParse(body(100)).success).toBe(true);
    expect(setChargeLimitBodySchema.safeParse(body(49.9)).success).toBe(false);
    expect(setChargeLimitBodySchema.safeParse(body(101)).success).toBe(false);
    expect(setChargeLimitBodySchema.safeParse(body('80')).success).toBe(false);
    expect(setChargeLimitBodySchema.safeParse({ percent: 80 }).success).toBe(false);
  });

  it('bounds destinations to real coordinates', () => {
    const body = (latitude: number, longitude: number) => ({ data: { attributes: { latitude, longitude } } });
    expect(setDestinationBodySchema.safeParse(body(37.77, -122.42)).success).toBe(true);
    expect(setDestinationBodySchema.safeParse(body(91, 0)).success).toBe(false);
    expect(setDestinationBodySchema.safeParse(body(0, -181)).success).toBe(false);
  });

  it('accepts the documented daily body and refuses bad times', () => {
    const daily = (startTime: string, stopTime: string) => ({
      data: { attributes: { location, startTime, stopTime } },
    });
    expect(dailyScheduleBodySchema.safeParse(daily('08:00', '10:00')).success).toBe(true);
    expect(dailyScheduleBodySchema.safeParse(daily('23:00', '06:00')).success).toBe(true);
    expect(dailyScheduleBodySchema.safeParse(daily('24:00', '06:00')).success).toBe(false);
    expect(dailyScheduleBodySchema.safeParse(daily('8:00', '10:00')).success).toBe(false);
    expect(dailyScheduleBodySchema.safeParse(daily('08:00', '08:00')).success).toBe(false);
  });

  it('accepts weekly days once each and the workweek pair', () => {
    const weekly = (days: unknown[]) => ({ data: { attributes: { location, days } } });
    const monday = { dayOfWeek: 'MONDAY', startTime: '01:00', stopTime: '05:00' };
    expect(weeklyScheduleBodySchema.safeParse(weekly([monday])).success).toBe(true);
    expect(weeklyScheduleBodySchema.safeParse(weekly([monday, monday])).success).toBe(false);
    expect(weeklyScheduleBodySchema.safeParse(weekly([])).success).toBe(false);
    const window = { startTime: '22:00', stopTime: '06:00' };
    expect(
      workweekScheduleBodySchema.safeParse({
        data: { attributes: { location, weekdays: window, weekends: window } },
      }).success,
    ).toBe(true);
    expect(
      workweekScheduleBodySchema.safeParse({ data: { attributes: { location, weekdays: window } } }).success,
    ).toBe(false);
    expect(Object.keys(CHARGE_SCHEDULE_BODIES)).toEqual(['daily', 'weekly', 'workweek']);
  });
});
