import type { ApiResponse } from '../core/request.js';
import { type ExecutionBase, executionBase, readExecution } from './execution.js';
import { str } from './json.js';

/** The `charge-schedule-execution` resource (reference §3.6). */
export interface ChargeScheduleExecution extends ExecutionBase {
  /** `create` or `delete`. */
  action: string;
  /** `daily`, `weekly` or `workweek`. */
  scheduleType: string;
  /** The schedule's id (`sch_…`): pass it to `chargeSchedules.delete()`. */
  scheduleId: string;
}

/** Normalises a schedule response; a failure inside it is thrown as an `APIError`. */
export function parseChargeScheduleExecution(response: ApiResponse): ChargeScheduleExecution {
  const read = readExecution(response.body, response.headers, 'Charge schedule');
  const a = read.attributes;
  return {
    ...executionBase(read, response.status),
    action: str(a.action) ?? '',
    scheduleType: str(a.scheduleType) ?? '',
    scheduleId: str(a.scheduleId) ?? '',
  };
}
