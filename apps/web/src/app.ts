import type { SmartcarClient } from '@paddock/sdk';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db/tables.js';
import { createSessionService } from './features/accounts/session.service.js';
import { connectRoutes } from './features/connect/connect.routes.js';
import { createConnectService } from './features/connect/connect.service.js';
import { createOAuthStateService } from './features/connect/oauth-state.service.js';
import { vehiclesRoutes } from './features/vehicles/vehicles.routes.js';
import { createVehiclesService } from './features/vehicles/vehicles.service.js';
import type { AppEnv } from './http/context.js';
import { errorPage, notFoundPage } from './http/error-handlers.js';
import { requestContext } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { sessionMiddleware } from './http/session.js';
import { type AppLogger, silentLogger } from './logger.js';
import { defaultRandom, type RandomBytes } from './security/tokens.js';

/** Everything the app touches, passed in by `main.ts` or a test. */
export interface AppDeps {
  readonly config: AppConfig;
  /** A migrated database (see `migrateToLatest`). */
  readonly db: Kysely<Database>;
  readonly smartcar: SmartcarClient;
  /** Epoch-ms clock for sessions and state expiry. Default `Date.now`. */
  readonly clock?: { now(): number };
  /** Default: discards logs. */
  readonly logger?: AppLogger;
  /** Random bytes for session ids, states and request ids. Default Node's CSPRNG. */
  readonly random?: RandomBytes;
  /** Overall deadline of the Smartcar calls behind one page, in ms. Default 15 000. */
  readonly smartcarDeadlineMs?: number;
}

const systemClock = { now: () => Date.now() };

/** The getting-started app as a Hono app: serve its `fetch`, or call `app.request()` in tests. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, db, smartcar } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const random = deps.random ?? defaultRandom;

  const sessions = createSessionService({ db, clock, random });
  const states = createOAuthStateService({ db, clock, random });
  const connect = createConnectService({ db, clock, states, smartcar, config });
  const vehicles = createVehiclesService({
    db,
    smartcar,
    mode: config.mode,
    ...(deps.smartcarDeadlineMs === undefined ? {} : { deadlineMs: deps.smartcarDeadlineMs }),
  });
  // The SDK owns the Connect origin (Smartcar's or the emulator's); the CSP follows it.
  const connectOrigin = new URL(smartcar.buildConnectUrl()).origin;

  const app = new Hono<AppEnv>();
  app.use(securityHeaders(connectOrigin));
  app.use(requestContext({ logger, random, clock }));
  app.use(sessionMiddleware({ sessions, trustProxy: config.trustProxy }));
  app.route('/', connectRoutes({ connect, config }));
  app.route('/', vehiclesRoutes({ vehicles }));
  app.notFound(notFoundPage);
  app.onError(errorPage(logger));
  return app;
}
