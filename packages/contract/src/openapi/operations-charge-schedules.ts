import {
  CHARGE_SCHEDULE_BODIES,
  CHARGE_SCHEDULE_SUPPORT,
  CHARGE_SCHEDULE_TYPES,
  type ChargeScheduleType,
} from '../charge-schedules.js';
import { SCHEDULE_ERRORS } from './error-statuses.js';
import { pascalCase } from './naming.js';
import type { OperationSpec } from './operation-types.js';
import { requestSchemaName } from './schema-catalogue.js';

const SUPPORT = Object.entries(CHARGE_SCHEDULE_SUPPORT)
  .map(([make, types]) => `${make} (${types.join(', ')})`)
  .join(', ');

const RESULT = {
  200: { description: 'The schedule execution.', schema: 'ChargeScheduleExecutionResponse' },
} as const;

function createOperation(scheduleType: ChargeScheduleType): OperationSpec {
  return {
    operationId: `create${pascalCase(scheduleType)}ChargeSchedule`,
    method: 'post',
    path: `/v3/vehicles/{vehicleId}/charge-schedules/${scheduleType}`,
    surface: 'vehicleApi',
    tag: 'Charge schedules',
    summary: `Set a ${scheduleType} charge schedule`,
    description:
      `Needs \`control_charge\`. Supported by ${SUPPORT}; any other make is 501 VEHICLE_NOT_CAPABLE ` +
      '(reference §3.6). The schedule can then be read from the `charge-chargetimers` signal.',
    parameters: ['ScUserId'],
    requestBody: { schema: requestSchemaName(CHARGE_SCHEDULE_BODIES[scheduleType]), required: true },
    responses: RESULT,
    errors: SCHEDULE_ERRORS,
  };
}

/** Charge schedules (reference §3.6): one create operation per type, and delete. */
export const CHARGE_SCHEDULE_OPERATIONS: readonly OperationSpec[] = [
  ...CHARGE_SCHEDULE_TYPES.map(createOperation),
  {
    operationId: 'deleteChargeSchedule',
    method: 'delete',
    path: '/v3/vehicles/{vehicleId}/charge-schedules/{scheduleId}',
    surface: 'vehicleApi',
    tag: 'Charge schedules',
    summary: 'Delete a charge schedule',
    description:
      'The reference gives no response for deletion; the contract answers with the execution, ' +
      '`action: "delete"`.',
    parameters: ['ScUserId'],
    responses: RESULT,
    errors: SCHEDULE_ERRORS,
  },
];
