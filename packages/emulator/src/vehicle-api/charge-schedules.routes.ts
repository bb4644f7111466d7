import {
  CHARGE_SCHEDULE_BODIES,
  CHARGE_SCHEDULE_SUPPORT,
  CHARGE_SCHEDULE_TYPES,
  type ChargeScheduleExecutionResponse,
  type ChargeScheduleType,
  EXECUTION_ID_PREFIX,
  SCHEDULE_ID_PREFIX,
} from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { readJsonBody } from '../http/json-body.js';
import { originOf } from '../http/origin.js';
import type { ChargeScheduleRecord } from '../store/charge-schedules.js';
import { bearerAuth } from './bearer-auth.js';
import { requireVehicleAccess } from './commands-access.js';
import { ulidLike } from './commands-ids.js';

/** Schedules one vehicle may hold; Tesla keeps a short list, and a bound keeps memory bounded. */
export const MAX_SCHEDULES_PER_VEHICLE = 16;

/**
 * Charge schedules (reference §3.6): `POST …/charge-schedules/daily|weekly|workweek`
 * and `DELETE …/charge-schedules/{scheduleId}`, with `control_charge`. Tesla
 * takes all three types, Volvo daily only; anything else is 501
 * `COMPATIBILITY / VEHICLE_NOT_CAPABLE`. Changes are synchronous: the
 * command delay does not apply.
 */
export function chargeScheduleRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const auth = bearerAuth(deps);
  const { store } = deps;

  const respond = (
    origin: string,
    schedule: ChargeScheduleRecord,
    action: 'create' | 'delete',
  ): ChargeScheduleExecutionResponse => ({
    data: {
      id: ulidLike(EXECUTION_ID_PREFIX, deps.clock, deps.ids),
      type: 'charge-schedule-execution',
      attributes: {
        action,
        scheduleType: schedule.scheduleType,
        status: { value: 'SUCCESS' },
        executionMode: 'sync',
        scheduleId: schedule.id,
        parameters: action === 'create' ? schedule.parameters : {},
      },
      links: { schedule: `${origin}/v3/vehicles/${schedule.vehicleId}/charge-schedules/${schedule.id}` },
    },
  });

  const requireCapable = (vehicleId: string, type: ChargeScheduleType) => {
    const make = store.vehicles.findById(vehicleId)?.make.toUpperCase() ?? '';
    if (!CHARGE_SCHEDULE_SUPPORT[make]?.includes(type)) {
      throw new ApiError('COMPATIBILITY', 'VEHICLE_NOT_CAPABLE', {
        detail: `This ${make || 'vehicle'} does not support ${type} charge schedules.`,
        resolution: 'CONTACT_SUPPORT',
      });
    }
  };

  for (const scheduleType of CHARGE_SCHEDULE_TYPES) {
    app.post(`/v3/vehicles/:vehicleId/charge-schedules/${scheduleType}`, auth, async (c) => {
      const access = requireVehicleAccess(deps, c, 'control_charge');
      requireCapable(access.vehicleId, scheduleType);
      const body = await readJsonBody(c, CHARGE_SCHEDULE_BODIES[scheduleType]);
      if (store.chargeSchedules.listSchedules(access.vehicleId).length >= MAX_SCHEDULES_PER_VEHICLE) {
        throw new ApiError('VALIDATION', 'BAD_REQUEST', {
          detail: `The vehicle already holds ${MAX_SCHEDULES_PER_VEHICLE} charge schedules; delete one first.`,
        });
      }
      const { location, ...parameters } = body.data.attributes;
      const schedule: ChargeScheduleRecord = {
        id: ulidLike(SCHEDULE_ID_PREFIX, deps.clock, deps.ids),
        vehicleId: access.vehicleId,
        applicationId: access.connection.applicationId,
        userId: access.userId,
        scheduleType,
        location: { latitude: location.latitude, longitude: location.longitude },
        parameters,
        createdAt: deps.clock.now(),
      };
      store.chargeSchedules.insert(schedule);
      return c.json(respond(originOf(c.req.url), schedule, 'create'));
    });
  }

  app.delete('/v3/vehicles/:vehicleId/charge-schedules/:scheduleId', auth, (c) => {
    const access = requireVehicleAccess(deps, c, 'control_charge');
    const scheduleId = c.req.param('scheduleId');
    const schedule = store.chargeSchedules.findById(scheduleId);
    if (!schedule || schedule.vehicleId !== access.vehicleId) {
      throw new ApiError('RESOURCE_NOT_FOUND', null, {
        detail: `Charge schedule ${scheduleId} not found on vehicle ${access.vehicleId}`,
      });
    }
    store.chargeSchedules.delete(scheduleId);
    return c.json(respond(originOf(c.req.url), schedule, 'delete'));
  });

  return app;
}
