import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { ErrorPage } from '../../http/error-page.js';
import { viewerOf } from '../../http/viewer.js';
import { describeSmartcarError } from './smartcar-error-message.js';
import type { VehiclesService } from './vehicles.service.js';
import { NoVehiclesPage, VehiclesPage } from './views/vehicles.page.js';

/** GET / (where to start) and GET /vehicle (the signed-in account's vehicles). */
export function vehiclesRoutes({ vehicles }: { vehicles: VehiclesService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const session = c.var.session;
    if (session === null) return c.redirect('/signin', 303);
    return c.redirect((await vehicles.hasConnection(session.accountId)) ? '/vehicle' : '/login', 303);
  });

  // Whose vehicles comes only from the session and our own store: no query,
  // form or cookie value is ever read as a Smartcar user id here.
  app.get('/vehicle', async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = c.var.session;
    if (session === null) return c.redirect('/signin', 303);
    const viewer = await viewerOf(c);
    try {
      const list = await vehicles.listVehicles(session.accountId, c.req.raw.signal);
      return c.html(
        list.length === 0 ? (
          <NoVehiclesPage viewer={viewer} />
        ) : (
          <VehiclesPage vehicles={list} viewer={viewer} />
        ),
      );
    } catch (error) {
      const problem = describeSmartcarError(error);
      if (problem === undefined) throw error;
      c.var.logger.warn({ err: error, smartcarRequestId: problem.requestId }, 'smartcar call failed');
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

  return app;
}
