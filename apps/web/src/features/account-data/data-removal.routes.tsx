/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../http/jsx.js';
import { viewerOf } from '../../http/viewer.js';
import type { FlashService } from '../flash/flash.service.js';
import type { DashboardService } from '../vehicles/dashboard.service.js';
import { describeSmartcarError } from '../vehicles/smartcar-error-message.js';
import { vehicleName } from '../vehicles/views/vehicle.page.js';
import { vehiclePath } from '../vehicles/views/vehicles.page.js';
import type { DataRemovalService } from './data-removal.service.js';
import { ConfirmPage, DeletedPage } from './views/confirm.page.js';

export interface DataRemovalRoutesDeps {
  readonly removal: DataRemovalService;
  readonly dashboard: DashboardService;
  readonly flash: FlashService;
  readonly clock: { now(): number };
}

/**
 * GET/POST /vehicles/:id/disconnect and GET/POST /account/delete: a
 * confirmation page, then a POST (CSRF-checked by the middleware) that asks
 * Smartcar first and changes local rows only once it agreed.
 */
export function dataRemovalRoutes({ removal, dashboard, flash, clock }: DataRemovalRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/vehicles/:id/disconnect', async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (row === undefined) return c.notFound();
    return c.html(
      <ConfirmPage
        title={`Disconnect your ${vehicleName(row)}?`}
        explanation={[
          'Paddock will ask Smartcar to revoke its access to this vehicle. It will stop showing the vehicle, reading its signals and sending it commands.',
          'You can connect it again at any time; your other vehicles are not affected.',
        ]}
        action={`${vehiclePath(row.vehicle_id)}/disconnect`}
        confirmLabel="Disconnect"
        cancelHref={vehiclePath(row.vehicle_id)}
        csrfToken={await c.get('csrfToken')()}
        viewer={await viewerOf(c)}
      />,
    );
  });

  app.post('/vehicles/:id/disconnect', async (c) => {
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (row === undefined) return c.notFound();
    try {
      await removal.disconnect(row, c.req.raw.signal);
    } catch (error) {
      const problem = describeSmartcarError(error, clock.now());
      if (problem === undefined) throw error;
      c.get('logger').warn({ err: error, smartcarRequestId: problem.requestId }, 'disconnect failed');
      await flash.push(session.idHash, {
        kind: 'error',
        message: `The vehicle was not disconnected: ${problem.message}`,
        action: problem.reconnect ? { href: '/login', label: 'Connect your vehicle again' } : undefined,
      });
      return c.redirect(vehiclePath(row.vehicle_id), 303);
    }
    c.get('logger').info({ vehicleId: row.vehicle_id }, 'vehicle disconnected');
    await flash.push(session.idHash, {
      kind: 'success',
      message: `Your ${vehicleName(row)} was disconnected.`,
    });
    return c.redirect('/vehicle', 303);
  });

  app.get('/account/delete', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (c.get('session') === null) return c.redirect('/signin', 303);
    return c.html(
      <ConfirmPage
        title="Delete everything Paddock holds for you?"
        explanation={[
          'Paddock will ask Smartcar to delete your connections (every vehicle you connected), then delete your account, your vehicles, their stored signals and history, and your command log.',
          'This cannot be undone. You will be signed out.',
        ]}
        action="/account/delete"
        confirmLabel="Delete everything"
        cancelHref="/vehicle"
        csrfToken={await c.get('csrfToken')()}
        viewer={await viewerOf(c)}
      />,
    );
  });

  app.post('/account/delete', async (c) => {
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    try {
      await removal.deleteAccount(session.accountId, c.req.raw.signal);
    } catch (error) {
      const problem = describeSmartcarError(error, clock.now());
      if (problem === undefined) throw error;
      c.get('logger').warn({ err: error, smartcarRequestId: problem.requestId }, 'account deletion failed');
      await flash.push(session.idHash, {
        kind: 'error',
        message: `Nothing was deleted: ${problem.message}`,
      });
      return c.redirect('/vehicle', 303);
    }
    c.get('logger').info({ accountId: session.accountId }, 'account deleted');
    // The session row went with the account; this clears the cookie.
    await c.get('endSession')();
    return c.redirect('/account/deleted', 303);
  });

  app.get('/account/deleted', (c) => c.html(<DeletedPage />));

  return app;
}
