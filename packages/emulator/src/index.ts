export { type ApplicationSeed, generateDevelopmentCredentials } from './control/applications.js';
export type { EmulatorRuntime } from './control/runtime.js';
export { restoreState } from './control/startup.js';
export { createStateWriter, readStateFile, type StateWriter, writeStateFile } from './control/state-file.js';
export { type EmulatorState, STATE_FORMAT, STATE_VERSION } from './control/state-snapshot.js';
export { createEmulator, DEFAULT_SEED, type Emulator, type EmulatorOptions } from './emulator.js';
export type { Logger } from './logger.js';
export { type StartEmulatorOptions, startEmulator } from './server.js';
export {
  type Clock,
  type ClockState,
  type ControllableClock,
  createControllableClock,
  createManualClock,
  type ManualClock,
  systemClock,
} from './simulation/clock.js';
export {
  createVehicleSimulator,
  type SignalOptions,
  type VehicleSimulator,
  type VehicleState,
} from './simulation/vehicle-simulator.js';
export {
  DEVELOPMENT_WEBHOOK_DATA,
  DEVELOPMENT_WEBHOOK_TRIGGERS,
  developmentWebhook,
} from './webhooks/development-webhook.js';
export { hashChallenge, signBody } from './webhooks/signature.js';
export type { WebhookFetch } from './webhooks/webhook-deps.js';
export type { VehicleErrorInput, WebhookInput, WebhookService } from './webhooks/webhook-service.js';
