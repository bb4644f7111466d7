import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { connectRoutes } from './connect/connect.routes.js';
import { afterMutation } from './control/after-mutation.js';
import { type ApplicationSeed, registerApplication } from './control/applications.js';
import { createBaseline } from './control/baseline.js';
import { controlRoutes } from './control/control.routes.js';
import { emulatorControlRoutes } from './control/emulator-control.routes.js';
import { faultRoutes } from './control/faults.routes.js';
import { openApiRoutes } from './control/openapi.routes.js';
import { createRuntime, type EmulatorRuntime } from './control/runtime.js';
import { settingsRoutes } from './control/settings.routes.js';
import { vehicleControlRoutes } from './control/vehicles.routes.js';
import { type EmulatorDeps, randomIds } from './deps.js';
import { createDirectReads } from './http/direct-reads.js';
import type { EmulatorEnv } from './http/env.js';
import { createErrorHandler, notFound } from './http/error-handler.js';
import { createFaultRegistry, injectFaults } from './http/faults.js';
import { createRateLimiter, rateLimit } from './http/rate-limits.js';
import { limitBodySize, rejectBrokenEncoding } from './http/request-hygiene.js';
import { requestId } from './http/request-id.js';
import { requestLog } from './http/request-log.js';
import { iamRoutes } from './iam/iam.routes.js';
import { randomSecret } from './iam/secrets.js';
import { type Logger, silentLogger } from './logger.js';
import { applicationRoutes } from './management-api/applications.routes.js';
import { subscriptionRoutes } from './management-api/subscriptions.routes.js';
import { webhookRoutes } from './management-api/webhooks.routes.js';
import {
  type Clock,
  type ControllableClock,
  createControllableClock,
  systemClock,
} from './simulation/clock.js';
import { createSignalStoreControl } from './simulation/signal-store.js';
import { createVehicleSimulator, type VehicleSimulator } from './simulation/vehicle-simulator.js';
import { createMemoryStore } from './store/memory-store.js';
import { chargeScheduleRoutes } from './vehicle-api/charge-schedules.routes.js';
import { commandRoutes } from './vehicle-api/commands.routes.js';
import { createCommandSettings } from './vehicle-api/commands-settings.js';
import { connectionRoutes } from './vehicle-api/connections.routes.js';
import { signalRoutes } from './vehicle-api/signals.routes.js';
import { userRoutes } from './vehicle-api/users.routes.js';
import { vehicleRoutes } from './vehicle-api/vehicles.routes.js';
import type { WebhookFetch } from './webhooks/webhook-deps.js';
import { createWebhookService, type WebhookInput, type WebhookService } from './webhooks/webhook-service.js';

/** Options of `createEmulator`; every one has a default. */
export interface EmulatorOptions {
  /**
   * Base time source; default the wall clock. The emulator clock follows it
   * and can be frozen, advanced and sped up on top (`Emulator.clock`).
   */
  clock?: Clock;
  /** Applications registered at start. */
  applications?: ApplicationSeed[];
  /** Seed of the users and vehicles derived from login emails; default `"paddock"`, so runs repeat. */
  seed?: string;
  /** Default: silent. */
  logger?: Logger;
  /** Replaces the vehicle simulator, e.g. with a scripted one in tests of the routes that drive it. */
  simulator?: VehicleSimulator;
  /** Sends webhook deliveries; default the global `fetch`. Tests pass one that records requests. */
  fetch?: WebhookFetch;
  /** Called after anything that changes the state (persistence debounces on it). */
  onChange?: () => void;
}

/** A running (in-process) emulator. */
export interface Emulator {
  /** The Hono app serving every surface. */
  app: Hono<EmulatorEnv>;
  /** Same signature as the global `fetch`, served in-process; absolute URLs on any origin work. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The emulator clock (frozen, advanced or sped up through it or `/_emulator/clock`). */
  clock: ControllableClock;
  /** Registers an application; throws a TypeError on invalid input or an already-used client id. */
  registerApplication(seed: ApplicationSeed): { id: string; clientId: string };
  /**
   * Creates a webhook (as Smartcar's Dashboard does) and sends it VERIFY; it is
   * enabled once the receiver answers with the challenge's HMAC. Kept across
   * `reset()`. Throws a TypeError on invalid input or an unknown application.
   */
  registerWebhook(input: WebhookInput): { id: string };
  /**
   * Answers `GET /v3/vehicles/{id}` and `GET /v3/vehicles/{id}/signals`
   * straight from Node's request when nothing but the read applies, and
   * returns false for everything else, which goes to `app.fetch`
   * (`startEmulator` does both). Same bytes either way, faster this way.
   */
  serveDirect(request: IncomingMessage, response: ServerResponse): boolean;
  /** Webhook registration, subscriptions, trigger checks and delivery. */
  webhooks: WebhookService;
  /** Clock-driven work, export, import and reset (see `EmulatorRuntime`). */
  runtime: EmulatorRuntime;
}

/** Default seed: fixed, so the same email yields the same vehicles from one run to the next. */
export const DEFAULT_SEED = 'paddock';

/** Builds an emulator with in-memory storage. Does no I/O: serve `app.fetch` or call `fetch` directly. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = createControllableClock(options.clock ?? systemClock);
  const onChange = () => options.onChange?.();
  const logger = options.logger ?? silentLogger;
  const store = createMemoryStore(clock);
  const seed = options.seed ?? DEFAULT_SEED;
  const signalStore = createSignalStoreControl();
  const deps: EmulatorDeps = {
    store,
    clock,
    logger,
    ids: randomIds,
    seed,
    csrfKey: randomSecret(),
    simulator: options.simulator ?? createVehicleSimulator({ store, clock, seed }, signalStore),
    signalStore,
    commandSettings: createCommandSettings(),
    faults: createFaultRegistry({ ids: randomIds, seed }),
    rateLimits: createRateLimiter(clock),
    webhooks: createWebhookService({
      store,
      clock,
      logger,
      ids: randomIds,
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
      // Read through deps: tests may swap the simulator after creation.
      simulator: {
        values: (id) => deps.simulator.values(id),
        signals: (id, opts) => deps.simulator.signals(id, opts),
        state: (id) => deps.simulator.state(id),
      },
      onChange,
    }),
  };
  const baseline = createBaseline(deps);
  const runtime = createRuntime({
    store,
    clock,
    webhooks: deps.webhooks,
    logger,
    onChange,
    baseline,
  });

  // Not strict: `/v3/vehicles/{id}/` is the same resource as without the
  // slash, and the official Node SDK's getVehicle asks for it that way.
  const app = new Hono<EmulatorEnv>({ strict: false });
  // Each step here is a layer every request passes through: mount only where it has work.
  app.use(requestId());
  if (logger !== silentLogger) app.use(requestLog(logger));
  app.use(rejectBrokenEncoding());
  // GET and HEAD carry no body and change nothing; any other method that
  // reaches a route may do both (an unknown method only meets the 404).
  app.on(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], '*', limitBodySize());
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', afterMutation(deps.webhooks, onChange, logger));
  app.use('/v3/*', injectFaults(deps));
  app.use('/v3/*', rateLimit(deps));
  app.route('/', iamRoutes(deps));
  app.route('/', connectRoutes(deps));
  app.route('/', controlRoutes(deps));
  app.route('/', openApiRoutes());
  app.route('/', faultRoutes(deps));
  app.route('/', settingsRoutes(deps));
  app.route('/', vehicleControlRoutes(deps));
  app.route('/', connectionRoutes(deps));
  app.route('/', userRoutes(deps));
  app.route('/', vehicleRoutes(deps));
  app.route('/', signalRoutes(deps));
  app.route('/', commandRoutes(deps));
  app.route('/', chargeScheduleRoutes(deps));
  app.route('/', webhookRoutes(deps));
  app.route('/', subscriptionRoutes(deps));
  app.route('/', applicationRoutes(deps));
  app.route('/', emulatorControlRoutes(deps, runtime));
  app.notFound(notFound);
  app.onError(createErrorHandler(logger));

  const register = (seed: ApplicationSeed) => {
    const registered = registerApplication(deps, seed);
    baseline.keepApplication(registered.id);
    return registered;
  };
  for (const seed of options.applications ?? []) register(seed);

  return {
    app,
    fetch: async (input, init) => {
      // Relative paths are a convenience for tests; the origin is irrelevant in-process.
      const request =
        typeof input === 'string' && input.startsWith('/')
          ? new Request(new URL(input, 'http://emulator.local'), init)
          : new Request(input, init);
      return app.fetch(request);
    },
    clock,
    registerApplication: register,
    registerWebhook(input) {
      const webhook = deps.webhooks.register(input);
      baseline.keepWebhook(input);
      return { id: webhook.id };
    },
    serveDirect: createDirectReads(deps, logger),
    webhooks: deps.webhooks,
    runtime,
  };
}
