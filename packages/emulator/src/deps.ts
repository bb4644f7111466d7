import { randomUUID } from 'node:crypto';
import type { FaultRegistry } from './http/faults.js';
import type { RateLimiter } from './http/rate-limits.js';
import { randomSecret } from './iam/secrets.js';
import type { Logger } from './logger.js';
import type { Clock } from './simulation/clock.js';
import type { SignalStoreControl } from './simulation/signal-store.js';
import type { VehicleSimulator } from './simulation/vehicle-simulator.js';
import type { Store } from './store/repositories.js';
import type { CommandSettings } from './vehicle-api/commands-settings.js';
import type { WebhookService } from './webhooks/webhook-service.js';

/** Sources of fresh random identifiers. */
export interface Ids {
  /** A random UUID (connections, applications, interactions). */
  uuid(): string;
  /** A random opaque string with 256 bits of entropy (access tokens, cookies). */
  secret(): string;
}

export const randomIds: Ids = { uuid: () => randomUUID(), secret: () => randomSecret() };

/** Everything the route modules receive; built once in `createEmulator`. */
export interface EmulatorDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  ids: Ids;
  /** Seed of every deterministic derivation (users and vehicles from login emails). */
  seed: string;
  /** Key of the CSRF tokens of the Connect pages; random per emulator instance. */
  csrfKey: string;
  /** Living vehicles: lazily evaluated state, signals and state-checked mutations. */
  simulator: VehicleSimulator;
  /** How long a poll of Smartcar's signal store stays current (`PUT /_emulator/settings/signals`). */
  signalStore: SignalStoreControl;
  /** Delay and 202 threshold of commands (`PUT /_emulator/settings/commands`). */
  commandSettings: CommandSettings;
  /** Injected faults on `/v3/*` (`/_emulator/faults`). */
  faults: FaultRegistry;
  /** Smartcar's rate limits, off by default (`PUT /_emulator/settings/rate-limits`). */
  rateLimits: RateLimiter;
  /** Webhooks: call `webhooks.checkTriggers(vehicleId)` after changing a vehicle outside a request. */
  webhooks: WebhookService;
}
