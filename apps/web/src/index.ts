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
export {
  createDatabase,
  type DatabaseDialect,
  type DatabaseOptions,
  dialectOf,
  sqliteFilename,
} from './db/database.js';
export { MigrationError, migrateToLatest } from './db/migrate.js';
export type { Database } from './db/tables.js';
export {
  DEFAULT_SIGN_IN_LIMITS,
  type SignInLimits,
} from './features/accounts/sign-in-limiter.js';
export { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER } from './http/csrf.js';
export { SESSION_COOKIE } from './http/session.js';
export type { AppLogger } from './logger.js';
export {
  createScryptHasher,
  type PasswordHasher,
  type ScryptHasherOptions,
} from './security/password-hasher.js';
export type { RandomBytes } from './security/tokens.js';
