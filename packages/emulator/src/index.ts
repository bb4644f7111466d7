export { type ApplicationSeed, generateDevelopmentCredentials } from './control/applications.js';
export { createEmulator, DEFAULT_SEED, type Emulator, type EmulatorOptions } from './emulator.js';
export type { Logger } from './logger.js';
export { type StartEmulatorOptions, startEmulator } from './server.js';
export { type Clock, createManualClock, type ManualClock, systemClock } from './simulation/clock.js';
