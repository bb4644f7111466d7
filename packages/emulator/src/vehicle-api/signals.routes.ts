import { HEADER_UNIT_SYSTEM, isSignalCode, type SignalResponse } from '@paddock/contract';
import { type Context, Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { encodeForClient } from '../http/compression.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { requestHeader } from '../http/request-header.js';
import { requireUserId } from '../http/require-user-id.js';
import { bearerAuth } from './bearer-auth.js';
import { parseUnitSystem, readSignalListBody, signalRead } from './vehicle-reads.js';

/**
 * `GET /v3/vehicles/{id}/signals` and `…/signals/{code}` (reference §3.4).
 * Both need `sc-user-id` and a connection of that user to the vehicle for
 * the token's application. In the list a signal the connection may not
 * read has status ERROR and one the powertrain cannot have UNAVAILABLE; the
 * single-signal endpoint turns those into 403 and 501.
 */
export function signalRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  const read = (c: Context<EmulatorEnv>) => {
    const unitSystem = parseUnitSystem(requestHeader(c, HEADER_UNIT_SYSTEM));
    return signalRead(deps, {
      application: c.get('application'),
      vehicleId: c.req.param('vehicleId') ?? '',
      userId: requireUserId(c),
      unitSystem,
      origin: originOf(c.req.url),
    });
  };

  // The one large body of the Vehicle API: compressed when the client asks (see http/compression.ts).
  app.get('/v3/vehicles/:vehicleId/signals', bearerAuth(deps), (c) => {
    const { body, headers } = encodeForClient(
      readSignalListBody(deps, read(c)),
      requestHeader(c, 'accept-encoding'),
    );
    return c.body(body, 200, { 'content-type': 'application/json', ...headers });
  });

  app.get('/v3/vehicles/:vehicleId/signals/:code', bearerAuth(deps), (c) => {
    const { vehicle, options } = read(c);
    const signals = deps.simulator.signals(vehicle.id, options);
    const code = c.req.param('code');
    const signal = isSignalCode(code) ? signals.find((s) => s.id === code) : undefined;
    if (!signal)
      throw new ApiError('RESOURCE_NOT_FOUND', 'SIGNAL_NOT_FOUND', { detail: `Signal ${code} not found` });
    const { status } = signal.attributes;
    if (status.value === 'ERROR') {
      throw new ApiError('PERMISSION', 'PERMISSION', { detail: status.error?.detail });
    }
    if (status.value === 'UNAVAILABLE') {
      throw new ApiError('COMPATIBILITY', 'VEHICLE_NOT_CAPABLE', { detail: status.error?.detail });
    }
    // The docs' top-level form (reference §3.4 ⚠), not `{ data: … }`.
    const body: SignalResponse = signal;
    return c.json(body);
  });

  return app;
}
