import {
  COMMANDS,
  type CommandExecutionResponse,
  type CommandType,
  type SetChargeLimitBody,
  type SetDestinationBody,
} from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { readJsonBody } from '../http/json-body.js';
import { originOf } from '../http/origin.js';
import type { VehicleSimulator } from '../simulation/vehicle-simulator.js';
import { bearerAuth } from './bearer-auth.js';
import { requireVehicleAccess } from './commands-access.js';
import { type CommandRunnerDeps, runCommand, serializeExecution } from './commands-execution.js';

/** What each command does to the vehicle and which parameters its result echoes. */
type Plan = { parameters: Record<string, unknown>; effect: () => void };
type Planner = (sim: VehicleSimulator, vehicleId: string, body: unknown) => Plan;

const simple =
  (act: (sim: VehicleSimulator, vehicleId: string) => void): Planner =>
  (sim, vehicleId) => ({ parameters: {}, effect: () => act(sim, vehicleId) });

const PLANNERS: Record<CommandType, Planner> = {
  'security-lock': simple((sim, id) => sim.lock(id)),
  'security-unlock': simple((sim, id) => sim.unlock(id)),
  'charge-start': simple((sim, id) => sim.startCharge(id)),
  'charge-stop': simple((sim, id) => sim.stopCharge(id)),
  'charge-port-open': simple((sim, id) => sim.openChargePort(id)),
  'charge-port-close': simple((sim, id) => sim.closeChargePort(id)),
  'charge-set-limit': (sim, id, body) => {
    const { percent } = (body as SetChargeLimitBody).data.attributes;
    return { parameters: { percent }, effect: () => sim.setChargeLimit(id, percent) };
  },
  'navigation-set-destination': (sim, id, body) => {
    const { latitude, longitude } = (body as SetDestinationBody).data.attributes;
    return { parameters: { latitude, longitude }, effect: () => sim.setDestination(id, latitude, longitude) };
  },
};

/** Dependencies of the command routes: the emulator's, with the command timing. */
export type CommandRouteDeps = EmulatorDeps & CommandRunnerDeps;

/**
 * The eight commands of reference §3.5, `POST /v3/vehicles/{id}/commands/…`,
 * and `GET /v3/vehicles/{id}/commands/{executionId}` to read a result back
 * (⚠ the reference has no path for it; this one is the emulator's choice).
 */
export function commandRoutes(deps: CommandRouteDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const auth = bearerAuth(deps);

  for (const [commandType, definition] of Object.entries(COMMANDS) as [
    CommandType,
    (typeof COMMANDS)[CommandType],
  ][]) {
    app.post(`/v3/vehicles/:vehicleId/commands/${definition.path}`, auth, async (c) => {
      const access = requireVehicleAccess(deps, c, definition.permission);
      const body = await readJsonBody(c, definition.body, { whenEmpty: {} });
      const plan = PLANNERS[commandType](deps.simulator, access.vehicleId, body);
      return runCommand(deps, c, access, { commandType, ...plan });
    });
  }

  app.get('/v3/vehicles/:vehicleId/commands/:executionId', auth, (c) => {
    const vehicleId = c.req.param('vehicleId');
    const executionId = c.req.param('executionId');
    // Reading a result needs no control permission: the connection alone is enough.
    const access = requireVehicleAccess(deps, c, null);
    const execution = deps.store.commandExecutions.findById(executionId);
    if (
      !execution ||
      execution.vehicleId !== vehicleId ||
      execution.applicationId !== access.connection.applicationId
    ) {
      throw new ApiError('RESOURCE_NOT_FOUND', null, {
        detail: `Command execution ${executionId} not found for vehicle ${vehicleId}`,
      });
    }
    const body: CommandExecutionResponse = { data: serializeExecution(originOf(c.req.url), execution) };
    return c.json(body);
  });

  return app;
}
