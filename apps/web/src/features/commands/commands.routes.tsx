/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../http/jsx.js';
import type { FlashService } from '../flash/flash.service.js';
import type { DashboardService } from '../vehicles/dashboard.service.js';
import { vehiclePath } from '../vehicles/views/vehicles.page.js';
import { commandNamed } from './command-catalogue.js';
import type { CommandsService } from './commands.service.js';

export interface CommandsRoutesDeps {
  readonly commands: CommandsService;
  readonly dashboard: DashboardService;
  readonly flash: FlashService;
}

/**
 * POST /vehicles/:id/commands/:name (CSRF-checked by the middleware): sends
 * the command, leaves its outcome (or "pending") as a message, and
 * redirects back to the vehicle page (post/redirect/get).
 */
export function commandsRoutes({ commands, dashboard, flash }: CommandsRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/vehicles/:id/commands/:name', async (c) => {
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const definition = commandNamed(c.req.param('name'));
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (definition === undefined || row === undefined) return c.notFound();
    const back = vehiclePath(row.vehicle_id);

    const parsed = definition.parse(await c.req.parseBody());
    if (!parsed.ok) {
      await flash.push(session.idHash, { kind: 'error', message: parsed.message });
      return c.redirect(back, 303);
    }
    const result = await commands.send({
      accountId: session.accountId,
      vehicleId: row.vehicle_id,
      smartcarUserId: row.smartcar_user_id,
      name: c.req.param('name'),
      definition,
      parameters: parsed.parameters,
    });
    const what = definition.describe(parsed.parameters);
    switch (result.status) {
      case 'SUCCEEDED':
        await flash.push(session.idHash, { kind: 'success', message: definition.done(parsed.parameters) });
        break;
      case 'PENDING':
        await flash.push(session.idHash, {
          kind: 'info',
          message: `${what}: sent, waiting for the vehicle to answer. Its outcome will show in the command log.`,
        });
        break;
      case 'FAILED':
        await flash.push(session.idHash, {
          kind: 'error',
          message: `${what} failed: ${result.problem.message}`,
          action: result.problem.reconnect
            ? { href: '/login', label: 'Connect your vehicle again' }
            : undefined,
        });
        break;
    }
    return c.redirect(back, 303);
  });

  return app;
}
