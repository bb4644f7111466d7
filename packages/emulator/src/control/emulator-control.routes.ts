import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { clockRoutes } from './clock.routes.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { listingRoutes } from './listings.routes.js';
import type { EmulatorRuntime } from './runtime.js';
import { stateRoutes } from './state.routes.js';
import { webhookControlRoutes } from './webhooks-control.routes.js';

/**
 * The control surface beyond Connect's API twin: clock, webhooks and their
 * outbox, listings, state export/import/reset, and the dashboard page.
 */
export function emulatorControlRoutes(deps: EmulatorDeps, runtime: EmulatorRuntime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.route('/', clockRoutes(runtime));
  app.route('/', stateRoutes(runtime));
  app.route('/', listingRoutes(deps));
  app.route('/', webhookControlRoutes(deps, runtime));
  app.route('/', dashboardRoutes(deps, runtime));
  return app;
}
