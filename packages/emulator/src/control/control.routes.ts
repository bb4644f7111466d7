import { type Permission, permissionSchema } from '@paddock/contract';
import { Hono } from 'hono';
import { z } from 'zod';
import { connect } from '../connect/connect-service.js';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { describeIssues } from '../http/zod-issues.js';
import { findMake } from '../simulation/catalogue.js';

const connectBodySchema = z
  .object({
    clientId: z.string().min(1),
    email: z
      .string()
      .trim()
      .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'),
    permissions: z.array(permissionSchema).optional(),
    mode: z.enum(['live', 'simulated']).optional(),
    vehicles: z.array(z.string().min(1)).min(1).optional(),
    externalId: z.string().optional(),
    /** The brand that would be chosen on the brand page; generated vehicles are of this make. */
    make: z.string().min(1).optional(),
  })
  .strict();

const DEFAULT_PERMISSIONS: Permission[] = ['read_vehicle_info'];

/**
 * The emulator's own surface (`/_emulator/*`, local and unauthenticated).
 * `POST /_emulator/connect` is the API twin of the Connect pages: the same
 * service function, so tests and scripts can connect vehicles without a browser.
 */
export function controlRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post('/_emulator/connect', async (c) => {
    const bad = (error: string, description: string, status: 400 | 409 = 400) =>
      c.json({ error, error_description: description }, status);

    // A JSON content type cannot be sent cross-site without a CORS preflight,
    // so a web page cannot create users in a developer's emulator.
    if (!/^application\/json\s*(?:;|$)/i.test((c.req.header('content-type') ?? '').trim())) {
      return bad('invalid_request', 'The body must be JSON, sent with Content-Type: application/json.');
    }
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      return bad('invalid_request', 'The body must be JSON.');
    }
    const parsed = connectBodySchema.safeParse(json);
    if (!parsed.success) return bad('invalid_request', describeIssues(parsed.error));
    const body = parsed.data;

    const application =
      deps.store.applications.findByClientId(body.clientId) ??
      deps.store.applications.findById(body.clientId);
    if (!application) return bad('invalid_client', `Unknown clientId ${body.clientId}.`);
    if (body.make !== undefined && !findMake(body.make))
      return bad('invalid_request', `Unknown make ${body.make}.`);

    const result = connect(deps, {
      application,
      email: body.email,
      make: body.make,
      mode: body.mode ?? 'simulated',
      permissions: body.permissions ?? DEFAULT_PERMISSIONS,
      vehicles: body.vehicles,
      externalId: body.externalId,
    });
    if (result.ok) {
      return c.json({
        userId: result.userId,
        vehicleIds: result.vehicleIds,
        connectionIds: result.connectionIds,
      });
    }
    if ('invalidInput' in result) return bad('invalid_request', result.invalidInput);
    const { error, description, vehicle } = result.failure;
    return c.json({ error, error_description: description, ...vehicle }, 409);
  });

  return app;
}
