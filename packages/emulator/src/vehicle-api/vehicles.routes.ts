import type { VehicleResponse } from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { bearerAuth } from './bearer-auth.js';
import { serializeVehicle } from './serializers.js';

/** `GET /v3/vehicles/{id}` (reference §3.3): only vehicles connected to the token's application. */
export function vehicleRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store } = deps;

  app.get('/v3/vehicles/:vehicleId', bearerAuth(deps), (c) => {
    const id = c.req.param('vehicleId');
    const connection = store.connections.findForVehicle(c.get('application').id, id);
    const vehicle = connection && store.vehicles.findById(id);
    // Another application's vehicle is indistinguishable from an unknown one.
    if (!connection || !vehicle) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', {
        detail: `Vehicle with ID ${id} not found`,
      });
    }
    const body: VehicleResponse = {
      data: serializeVehicle(originOf(c.req.url), vehicle, connection.mode),
    };
    return c.json(body);
  });

  return app;
}
