/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { ErrorPage } from '../../http/error-page.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../http/jsx.js';
import { viewerOf } from '../../http/viewer.js';
import type { FlashService } from '../flash/flash.service.js';
import type { DashboardService } from './dashboard.service.js';
import type { RefreshThrottle } from './refresh-throttle.js';
import { describeSmartcarError } from './smartcar-error-message.js';
import type { VehiclesService } from './vehicles.service.js';
import { VehiclePage } from './views/vehicle.page.js';
import { NoVehiclesPage, VehiclesPage, vehiclePath } from './views/vehicles.page.js';

export interface VehiclesRoutesDeps {
  readonly vehicles: VehiclesService;
  readonly dashboard: DashboardService;
  readonly flash: FlashService;
  readonly clock: { now(): number };
  /** Limits POST /vehicles/:id/refresh per vehicle. */
  readonly refreshes: RefreshThrottle;
}

/**
 * GET / (where to start), GET /vehicle (the dashboard), GET /vehicles/:id
 * (one vehicle) and POST /vehicles/:id/refresh (read its signals now).
 */
export function vehiclesRoutes({
  vehicles,
  dashboard,
  flash,
  clock,
  refreshes,
}: VehiclesRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    return c.redirect((await vehicles.hasConnection(session.accountId)) ? '/vehicle' : '/login', 303);
  });

  // Whose vehicles comes only from the session and our own store: no query,
  // form or cookie value is ever read as a Smartcar user id here.
  app.get('/vehicle', async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const viewer = await viewerOf(c);
    const flashes = await flash.take(session);
    try {
      const list = await dashboard.overview(session.accountId);
      return c.html(
        list.length === 0 ? (
          <NoVehiclesPage viewer={viewer} flashes={flashes} />
        ) : (
          <VehiclesPage vehicles={list} viewer={viewer} flashes={flashes} now={clock.now()} />
        ),
      );
    } catch (error) {
      const problem = describeSmartcarError(error, clock.now());
      if (problem === undefined) throw error;
      c.get('logger').warn({ err: error, smartcarRequestId: problem.requestId }, 'smartcar call failed');
      if (problem.retryAfterSeconds !== undefined)
        c.header('Retry-After', String(Math.ceil(problem.retryAfterSeconds)));
      return c.html(
        <ErrorPage
          title="Could not load your vehicles"
          message={problem.message}
          requestId={problem.requestId}
          requestIdLabel="Smartcar request id"
          action={
            problem.reconnect
              ? { href: '/login', label: 'Connect your vehicle again' }
              : { href: '/vehicle', label: 'Try again' }
          }
        />,
        502,
      );
    }
  });

  app.get('/vehicles/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (row === undefined) return c.notFound();
    const detail = await dashboard.detail(row, { refresh: 'auto' });
    return c.html(
      <VehiclePage
        detail={detail}
        viewer={await viewerOf(c)}
        csrfToken={await c.get('csrfToken')()}
        flashes={await flash.take(session)}
        now={clock.now()}
      />,
    );
  });

  app.post('/vehicles/:id/refresh', async (c) => {
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (row === undefined) return c.notFound();
    const claim = await refreshes.claim(row.vehicle_id);
    if (!claim.allowed) {
      const waitS = Math.ceil(claim.retryAfterMs / 1000);
      const agoS = Math.round(claim.agoMs / 1000);
      await flash.push(session.idHash, {
        kind: 'info',
        message: `The signals were read from Smartcar ${agoS} s ago; they can be read again in ${waitS} s.`,
      });
      return c.redirect(vehiclePath(row.vehicle_id), 303);
    }
    const detail = await dashboard.detail(row, { refresh: 'force' });
    await flash.push(
      session.idHash,
      detail.problem
        ? {
            kind: 'error',
            message: `The signals were not read again: ${detail.problem.message}`,
            action: detail.problem.reconnect
              ? { href: '/login', label: 'Connect your vehicle again' }
              : undefined,
          }
        : { kind: 'success', message: 'Every signal was read again just now.' },
    );
    return c.redirect(vehiclePath(row.vehicle_id), 303);
  });

  return app;
}
