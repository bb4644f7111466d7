import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { bearerAuth } from './bearer-auth.js';
import { readVehicleJson } from './vehicle-reads.js';

/** `GET /v3/vehicles/{id}` (reference §3.3): only vehicles connected to the token's application. */
export function vehicleRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/v3/vehicles/:vehicleId', bearerAuth(deps), (c) => {
    const json = readVehicleJson(deps, c.get('application'), c.req.param('vehicleId'), originOf(c.req.url));
    return c.body(json, 200, { 'content-type': 'application/json' });
  });

  return app;
}
