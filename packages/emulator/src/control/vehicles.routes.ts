import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { pageWindow } from '../management-api/query.js';
import { parsePage } from '../vehicle-api/pagination.js';
import { readControlBody } from './control-json.js';
import { createSimulatedVehicle, createVehicleSchema } from './vehicles-create.js';
import { stateView, vehicleView } from './vehicles-views.js';

const point = z.object({ latitude: z.number(), longitude: z.number() }).strict();
const plugInSchema = z
  .object({ powerKw: z.number().optional(), kind: z.enum(['AC', 'DC']).optional() })
  .strict();
const tripSchema = z
  .object({
    speedKph: z.number().optional(),
    headingDeg: z.number().optional(),
    destination: point.optional(),
  })
  .strict();
const empty = z.object({}).strict();

/**
 * `/_emulator/vehicles`: list and inspect simulated vehicles, plug them in,
 * drive them, edit any signal, take them offline or put them to sleep.
 * Errors are the v3 envelope like the rest of the control surface: 400
 * VALIDATION for bad input, 404 for an unknown vehicle or signal, 409
 * VEHICLE_STATE / 501 COMPATIBILITY when the vehicle's state forbids it.
 */
export function vehicleControlRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store, simulator } = deps;

  const vehicleOf = (c: Context) => {
    const id = c.req.param('vehicleId') ?? '';
    const vehicle = store.vehicles.findById(id);
    if (!vehicle)
      throw new ApiError('RESOURCE_NOT_FOUND', 'VEHICLE_NOT_FOUND', {
        detail: `Vehicle with ID ${id} not found`,
      });
    return vehicle;
  };
  const full = (c: Context) => {
    const vehicle = vehicleOf(c);
    const values = simulator.values(vehicle.id);
    return {
      data: {
        ...vehicleView(vehicle),
        state: stateView(simulator.state(vehicle.id)),
        signals: Object.fromEntries(
          [...values].map(([code, v]) => [
            code,
            { body: v.body, oemUpdatedAt: new Date(v.oemUpdatedAt).toISOString() },
          ]),
        ),
      },
    };
  };
  /** A state-changing action: read the body, act, answer the vehicle's new full view. */
  const action = <S extends z.ZodType>(
    path: string,
    schema: S,
    act: (id: string, body: z.infer<S>) => void,
  ) =>
    app.post(`/_emulator/vehicles/:vehicleId/${path}`, async (c) => {
      const vehicle = vehicleOf(c);
      act(vehicle.id, await readControlBody(c, schema));
      return c.json(full(c));
    });

  app.get('/_emulator/vehicles', (c) => {
    const page = parsePage(new URL(c.req.url).searchParams, 50);
    const { offset, limit } = pageWindow(page);
    const all = store.vehicles.dump();
    // Only the page's vehicles are evaluated (and so get simulation state).
    const data = all
      .slice(offset, offset + limit)
      .map((v) => ({ ...vehicleView(v), state: stateView(simulator.state(v.id)) }));
    return c.json({ data, meta: { ...page, totalCount: all.length } });
  });

  app.post('/_emulator/vehicles', async (c) => {
    const created = createSimulatedVehicle(deps, await readControlBody(c, createVehicleSchema));
    return c.json(
      {
        data: {
          ...vehicleView(created.vehicle),
          userId: created.userId,
          connectionId: created.connectionId,
          permissions: created.permissions,
          state: stateView(simulator.state(created.vehicle.id)),
        },
      },
      201,
    );
  });

  app.get('/_emulator/vehicles/:vehicleId', (c) => c.json(full(c)));

  action('plug-in', plugInSchema, (id, b) => simulator.plugIn(id, b));
  action('unplug', empty, (id) => simulator.unplug(id));
  action('trips', tripSchema, (id, b) => simulator.startTrip(id, b));
  action('trips/end', empty, (id) => simulator.endTrip(id));
  action('online', z.object({ online: z.boolean() }).strict(), (id, b) => simulator.setOnline(id, b.online));
  action('asleep', z.object({ asleep: z.boolean() }).strict(), (id, b) => simulator.setAsleep(id, b.asleep));

  app.put('/_emulator/vehicles/:vehicleId/signals/:code', async (c) => {
    const vehicle = vehicleOf(c);
    // The body is the signal's body (metric), or null to drop an edit.
    simulator.setSignal(vehicle.id, c.req.param('code'), await readControlBody(c, z.unknown()));
    return c.json(full(c));
  });

  return app;
}
