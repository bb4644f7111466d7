import {
  HEADER_UNIT_SYSTEM,
  type IncludedVehicle,
  isSignalCode,
  isUnitSystem,
  type SignalListResponse,
  type SignalResponse,
  type UnitSystem,
} from '@paddock/contract';
import { type Context, Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { requestHeader } from '../http/request-header.js';
import type { SignalOptions } from '../simulation/vehicle-simulator.js';
import { bearerAuth } from './bearer-auth.js';
import { requireVehicleAccess } from './commands-access.js';

/** `sc-unit-system` (reference §3.1): absent means metric; anything but metric or imperial is a 400. */
function unitSystemOf(c: Context<EmulatorEnv>): UnitSystem {
  const raw = requestHeader(c, HEADER_UNIT_SYSTEM)?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'metric';
  if (!isUnitSystem(raw)) {
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
      detail: `The "${HEADER_UNIT_SYSTEM}" header must be "metric" or "imperial".`,
    });
  }
  return raw;
}

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
    const unitSystem = unitSystemOf(c);
    const access = requireVehicleAccess(deps, c, null);
    const vehicle = deps.store.vehicles.findById(access.vehicleId);
    if (!vehicle) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', {
        detail: `Vehicle with ID ${access.vehicleId} not found`,
      });
    }
    const origin = originOf(c.req.url);
    const included: { vehicle: IncludedVehicle } = {
      vehicle: {
        id: vehicle.id,
        type: 'vehicle',
        attributes: { make: vehicle.make, model: vehicle.model, year: vehicle.year },
        links: { self: `${origin}/v3/vehicles/${vehicle.id}` },
      },
    };
    const options: SignalOptions = { permissions: access.connection.permissions, unitSystem, origin };
    return { vehicle, origin, included, options };
  };

  app.get('/v3/vehicles/:vehicleId/signals', bearerAuth(deps), (c) => {
    const { vehicle, origin, included, options } = read(c);
    const fast = deps.simulator.signalsJson?.(vehicle.id, options);
    const signals = fast ? undefined : deps.simulator.signals(vehicle.id, options);
    const count = fast ? fast.count : signals!.length;
    const rest: Omit<SignalListResponse, 'data'> = {
      meta: { totalCount: count, pageSize: count, pageNumber: 1 },
      links: { self: `${origin}/v3/vehicles/${vehicle.id}/signals` },
      included,
    };
    if (!fast) return c.json({ data: signals!, ...rest } satisfies SignalListResponse);
    // The list's text is made by the simulator; the envelope around it keeps
    // the key order of the object form (data, meta, links, included).
    const text = `{"data":${fast.json},"meta":${JSON.stringify(rest.meta)},"links":${JSON.stringify(rest.links)},"included":${JSON.stringify(rest.included)}}`;
    return c.body(text, 200, { 'content-type': 'application/json' });
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
