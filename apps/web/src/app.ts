import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SmartcarClient } from '@paddock/sdk';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Kysely, sql } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db/tables.js';
import { dataRemovalRoutes } from './features/account-data/data-removal.routes.js';
import { createDataRemovalService } from './features/account-data/data-removal.service.js';
import { accountsRoutes } from './features/accounts/accounts.routes.js';
import { createAccountsService } from './features/accounts/accounts.service.js';
import { createSessionService } from './features/accounts/session.service.js';
import { createSignInLimiter, type SignInLimits } from './features/accounts/sign-in-limiter.js';
import { commandsRoutes } from './features/commands/commands.routes.js';
import { createCommandsService } from './features/commands/commands.service.js';
import { connectRoutes } from './features/connect/connect.routes.js';
import { createConnectService } from './features/connect/connect.service.js';
import { createOAuthStateService } from './features/connect/oauth-state.service.js';
import { createFlashService } from './features/flash/flash.service.js';
import { healthRoutes } from './features/health/health.routes.js';
import { assetsRoutes } from './features/live/assets.routes.js';
import { liveRoutes } from './features/live/live.routes.js';
import { createLiveHub, type LiveHub } from './features/live/live-hub.js';
import { createSignalsService } from './features/signals/signals.service.js';
import { createDashboardService } from './features/vehicles/dashboard.service.js';
import { createRefreshThrottle } from './features/vehicles/refresh-throttle.js';
import { vehiclesRoutes } from './features/vehicles/vehicles.routes.js';
import { createVehiclesService } from './features/vehicles/vehicles.service.js';
import { createWebhookSubscriber } from './features/webhooks/webhook-subscriber.js';
import { createWebhookReceiver, webhooksRoutes } from './features/webhooks/webhooks.routes.js';
import type { AppEnv } from './http/context.js';
import { csrfProtection } from './http/csrf.js';
import { createDirectWebhooks } from './http/direct-webhooks.js';
import { errorPage, notFoundPage, tooLargePage } from './http/error-handlers.js';
import { requestContext } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { sessionMiddleware } from './http/session.js';
import { type AppLogger, silentLogger } from './logger.js';
import { secretLoader } from './security/app-secret.js';
import { createScryptHasher, type PasswordHasher } from './security/password-hasher.js';
import { defaultRandom, type RandomBytes } from './security/tokens.js';

/** Everything the app touches, passed in by `main.ts` or a test. */
export interface AppDeps {
  readonly config: AppConfig;
  /** A migrated database (see `migrateToLatest`). */
  readonly db: Kysely<Database>;
  readonly smartcar: SmartcarClient;
  /** Epoch-ms clock for sessions, state expiry and sign-in limits. Default `Date.now`. */
  readonly clock?: { now(): number };
  /** Default: discards logs. */
  readonly logger?: AppLogger;
  /** Random bytes for session ids, states, account ids and request ids. Default Node's CSPRNG. */
  readonly random?: RandomBytes;
  /** Overall deadline of the Smartcar calls behind one page, in ms. Default 15 000. */
  readonly smartcarDeadlineMs?: number;
  /** Password hashing. Default scrypt with N = 2^17, r = 8, p = 1. */
  readonly passwordHasher?: PasswordHasher;
  /** Failed sign-ins allowed. Default 5 per email and 20 per address in 15 minutes. */
  readonly signInLimits?: SignInLimits;
  /**
   * Tells open pages about new values and command outcomes. Default an
   * in-process hub (one instance; see `LiveHub` for several).
   */
  readonly live?: LiveHub;
  /** How long a command request waits before answering "pending", in ms. Default 3 000. */
  readonly commandWaitMs?: number;
  /** Stored signals younger than this are not read again from Smartcar, in ms. Default 60 000. */
  readonly signalsFreshMs?: number;
}

const systemClock = { now: () => Date.now() };
// Forms are a few hundred bytes; anything much larger is not one of ours.
const MAX_FORM_BYTES = 64 * 1024;
// Paths that take no form and prove themselves otherwise (webhooks sign their raw body).
const isWebhookPath = (path: string) => path.startsWith('/webhooks/');

/**
 * The app as a Hono app: serve its `fetch`, or call `app.request()` in
 * tests. On Node, offer each request to `serveDirect` first (it answers
 * webhook deliveries without Hono and returns false for everything else).
 */
export type PaddockApp = Hono<AppEnv> & {
  serveDirect(req: IncomingMessage, res: ServerResponse): boolean;
  /** Marks the app as shutting down: `/readyz` answers 503 from now on. */
  drain(): void;
};

export function createApp(deps: AppDeps): PaddockApp {
  const { config, db, smartcar } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const random = deps.random ?? defaultRandom;

  const sessions = createSessionService({ db, clock, random });
  const limiter = createSignInLimiter({
    db,
    clock,
    random,
    ...(deps.signInLimits ? { limits: deps.signInLimits } : {}),
  });
  const hasher = deps.passwordHasher ?? createScryptHasher();
  const accounts = createAccountsService({ db, clock, random, hasher, limiter });
  const states = createOAuthStateService({ db, clock, random });
  const live = deps.live ?? createLiveHub();
  const connect = createConnectService({
    db,
    clock,
    states,
    smartcar,
    config,
    externalIdKey: secretLoader(db, 'external-id', random, clock),
    live,
  });
  const vehicles = createVehiclesService({
    db,
    clock,
    smartcar,
    mode: config.mode,
    ...(deps.smartcarDeadlineMs === undefined ? {} : { deadlineMs: deps.smartcarDeadlineMs }),
  });
  const flash = createFlashService({ db, clock, random });
  const signals = createSignalsService({
    db,
    clock,
    smartcar,
    ...(deps.signalsFreshMs === undefined ? {} : { freshMs: deps.signalsFreshMs }),
  });
  const commands = createCommandsService({
    db,
    clock,
    smartcar,
    random,
    live,
    logger,
    ...(deps.commandWaitMs === undefined ? {} : { waitMs: deps.commandWaitMs }),
  });
  const dashboard = createDashboardService({
    db,
    clock,
    vehicles,
    signals,
    commands,
    logger,
    webhookId: config.webhookId,
    ...(deps.smartcarDeadlineMs === undefined ? {} : { deadlineMs: deps.smartcarDeadlineMs }),
  });
  const removal = createDataRemovalService({ db, clock, smartcar, mode: config.mode, live });
  const subscriber = createWebhookSubscriber({ db, clock, smartcar, logger, webhookId: config.webhookId });
  // After /exchange: store the vehicles, then subscribe the new ones to the webhook (never fatal).
  const onLinked = async (accountId: string, smartcarUserId: string, signal: AbortSignal) => {
    const added = await vehicles.rememberConnections(accountId, smartcarUserId, signal);
    await subscriber.subscribeNew(accountId, smartcarUserId, signal);
    return added;
  };
  // The SDK owns the Connect origin (Smartcar's or the emulator's); the CSP follows it.
  const connectOrigin = new URL(smartcar.buildConnectUrl()).origin;

  const loadCsrfKey = secretLoader(db, 'csrf', random, clock);

  const receiver = createWebhookReceiver({ db, clock, hub: live, managementToken: config.managementToken });

  let draining = false;
  const app = new Hono<AppEnv>();
  app.use(securityHeaders(connectOrigin));
  // Probes come before the request log, sessions and CSRF: they touch none of them.
  app.route(
    '/',
    healthRoutes({
      checkDatabase: () => sql`select 1`.execute(db),
      logger,
      clock,
      draining: () => draining,
    }),
  );
  app.use(requestContext({ logger, random, clock }));
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLargePage });
  app.use(async (c, next) =>
    // GET and HEAD carry no body (and asking for one builds a WHATWG Request per page view).
    isWebhookPath(c.req.path) || c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : formLimit(c, next),
  );
  app.use(sessionMiddleware({ sessions, trustProxy: config.trustProxy }));
  app.use(csrfProtection({ key: loadCsrfKey, random, trustProxy: config.trustProxy, exempt: isWebhookPath }));
  app.route('/', accountsRoutes({ accounts, trustProxy: config.trustProxy }));
  app.route('/', connectRoutes({ connect, config, onLinked }));
  app.route('/', assetsRoutes());
  app.route('/', webhooksRoutes(receiver));
  app.route('/', liveRoutes({ db, clock, hub: live, dashboard, signals }));
  app.route(
    '/',
    vehiclesRoutes({ vehicles, dashboard, flash, clock, refreshes: createRefreshThrottle({ db, clock }) }),
  );
  app.route('/', commandsRoutes({ commands, dashboard, flash }));
  app.route('/', dataRemovalRoutes({ removal, dashboard, flash, clock }));
  app.notFound(notFoundPage);
  app.onError(errorPage(logger));
  return Object.assign(app, {
    serveDirect: createDirectWebhooks({ receiver, logger, random, clock, connectOrigin }),
    drain() {
      draining = true;
    },
  });
}
