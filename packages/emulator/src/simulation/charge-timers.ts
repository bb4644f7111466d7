import { DAYS_OF_WEEK, type SignalBody } from '@paddock/contract';
import type { ChargeScheduleRecord } from '../store/charge-schedules.js';

type Timer = SignalBody<'charge-chargetimers'>['values'][number];
type Window = { startTime: string; stopTime: string };

const window = (w: Window, days: readonly string[]) => ({
  start: w.startTime,
  end: w.stopTime,
  days: [...days],
});
const WEEKDAYS = DAYS_OF_WEEK.slice(0, 5);
const WEEKENDS = DAYS_OF_WEEK.slice(5);

/** The vehicle's charge schedules (reference §3.6) as `charge-chargetimers` entries. */
export function chargeTimers(schedules: readonly ChargeScheduleRecord[]): Timer[] {
  return schedules.map((s) => {
    const p = s.parameters as Record<string, unknown>;
    let windows: Timer['schedules'] = [];
    if (s.scheduleType === 'daily') windows = [window(p as Window, DAYS_OF_WEEK)];
    if (s.scheduleType === 'weekly') {
      windows = ((p.days as (Window & { dayOfWeek: string })[] | undefined) ?? []).map((d) =>
        window(d, [d.dayOfWeek]),
      );
    }
    if (s.scheduleType === 'workweek') {
      windows = [window(p.weekdays as Window, WEEKDAYS), window(p.weekends as Window, WEEKENDS)];
    }
    return {
      type: 'SCHEDULE',
      condition: { latitude: s.location.latitude, longitude: s.location.longitude },
      schedules: windows,
      isOEMOptimizationEnabled: false,
      scheduleType:
        s.scheduleType === 'daily' ? 'DAILY' : s.scheduleType === 'weekly' ? 'WEEKLY' : 'WORKWEEK',
      scheduleId: s.id,
    };
  });
}
