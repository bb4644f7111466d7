import type { Permission } from '@paddock/contract';
import type { Context } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { requireUserId } from '../http/require-user-id.js';
import type { ConnectionRecord } from '../store/records.js';

/** The caller of a vehicle action: the user's connection for the token's application. */
export interface VehicleAccess {
  vehicleId: string;
  userId: string;
  connection: ConnectionRecord;
}

/**
 * The checks every command and charge-schedule request passes, in order:
 * `sc-user-id` present (400 MISSING_PARAMETER), the vehicle connected to that
 * user for this application (404 VEHICLE_NOT_FOUND, whatever the reason, so
 * nothing leaks across applications), and the connection holding `permission`
 * (403 PERMISSION; `null` when the connection alone suffices). Runs after `bearerAuth`.
 */
export function requireVehicleAccess(
  deps: Pick<EmulatorDeps, 'store'>,
  c: Context<EmulatorEnv>,
  permission: Permission | null,
): VehicleAccess {
  const vehicleId = c.req.param('vehicleId') ?? '';
  const userId = requireUserId(c);
  const connection = userConnection(deps, c.get('application').id, userId, vehicleId);
  if (permission !== null && !connection.permissions.includes(permission)) {
    throw new ApiError('PERMISSION', 'PERMISSION', {
      detail: `This connection lacks the ${permission} permission; ask the user to reconnect with it.`,
    });
  }
  return { vehicleId, userId, connection };
}

/**
 * The user's connection to the vehicle for the application; 404
 * VEHICLE_NOT_FOUND whatever the reason, so nothing leaks across applications.
 */
export function userConnection(
  deps: Pick<EmulatorDeps, 'store'>,
  applicationId: string,
  userId: string,
  vehicleId: string,
): ConnectionRecord {
  const connection = deps.store.connections.find(applicationId, userId, vehicleId);
  if (!connection) {
    throw new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', {
      detail: `Vehicle with ID ${vehicleId} not found for user ${userId}`,
    });
  }
  return connection;
}
