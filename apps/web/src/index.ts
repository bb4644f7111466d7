export { type AppDeps, createApp } from './app.js';
export {
  type AppConfig,
  type Config,
  ConfigError,
  type EmulatorCredentials,
  LOG_LEVELS,
  type LogLevel,
  parseConfig,
  type SmartcarSource,
} from './config.js';
export { createDatabase, type DatabaseOptions, sqliteFilename } from './db/database.js';
export { MigrationError, migrateToLatest } from './db/migrate.js';
export type { Database } from './db/tables.js';
export { SESSION_COOKIE } from './http/session.js';
export type { AppLogger } from './logger.js';
export type { RandomBytes } from './security/tokens.js';
