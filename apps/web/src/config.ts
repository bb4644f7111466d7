import {
  CONNECT_MODES,
  type ConnectMode,
  PERMISSIONS,
  type Permission,
  parseScope,
  type ScopeEntry,
  SIGNALS,
} from '@paddock/contract';
import { z } from 'zod';

/** Log levels accepted by `LOG_LEVEL` (pino's names). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Formats accepted by `LOG_FORMAT`. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Credentials of the development application registered in the embedded emulator. */
export interface EmulatorCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly managementToken: string;
}

/**
 * Where the Smartcar API comes from: the emulator started in this process (no
 * `SMARTCAR_CLIENT_ID`), or Smartcar's real hosts.
 */
export type SmartcarSource =
  | {
      readonly kind: 'emulator';
      /** Port of the embedded emulator (`PADDOCK_EMULATOR_PORT`, default 4010). */
      readonly port: number;
      /** Fixed credentials from `PADDOCK_EMULATOR_*`; generated at boot when absent. */
      readonly credentials: EmulatorCredentials | undefined;
    }
  | {
      readonly kind: 'smartcar';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly redirectUri: string;
    };

/** What `createApp` reads from the configuration; tests pass it as a literal. */
export interface AppConfig {
  /** Connect mode sent in the Connect URL; `test` and `simulated` list simulated vehicles. */
  readonly mode: ConnectMode;
  /**
   * Permissions requested in Connect (`SMARTCAR_SCOPE`; default {@link DASHBOARD_SCOPE}
   * with the embedded emulator, the guide's `read_vehicle_info` with Smartcar's
   * hosts), each once, `required` when the user may not untick it.
   */
  readonly scope: readonly ScopeEntry[];
  /** Honour `X-Forwarded-Proto` from a reverse proxy (`TRUST_PROXY`, default false). */
  readonly trustProxy: boolean;
  /**
   * The webhook newly connected vehicles are subscribed to (`SMARTCAR_WEBHOOK_ID`;
   * in emulated mode, the development webhook `main.ts` registers). Absent: no subscriptions.
   */
  readonly webhookId?: string | undefined;
  /**
   * The application management token (`SMARTCAR_MANAGEMENT_TOKEN`; in emulated mode
   * the development application's): key of `SC-Signature` and of the VERIFY answer.
   * Absent: /webhooks/smartcar answers 404. A secret: never logged or shown.
   */
  readonly managementToken?: string | undefined;
}

/** The whole parsed environment, frozen. */
export interface Config extends AppConfig {
  /** HTTP port of the app (`PORT`, default 8000). */
  readonly port: number;
  /** Interface the app listens on (`HOST`, default 127.0.0.1). */
  readonly host: string;
  /**
   * `DATABASE_URL`: `postgres://…` for PostgreSQL, else SQLite as `file:<path>`,
   * a plain path or `:memory:` (default `file:data/paddock.db`).
   */
  readonly databaseUrl: string;
  readonly logLevel: LogLevel;
  /**
   * `json` (pino's lines) or `pretty` (one readable line per entry);
   * undefined: pretty on a terminal, JSON anywhere else.
   */
  readonly logFormat: LogFormat | undefined;
  /**
   * On SIGTERM, how long the app keeps serving with `/readyz` at 503 before
   * it closes, in ms (`SHUTDOWN_DRAIN_MS`, 0 to 60,000; default 0): about one
   * probe interval of the load balancer, so it stops sending traffic first.
   */
  readonly shutdownDrainMs: number;
  readonly smartcar: SmartcarSource;
}

/** Thrown by `parseConfig` with every problem of the environment in one message. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The route Connect redirects back to; `SMARTCAR_REDIRECT_URI` must point at it. */
export const EXCHANGE_PATH = '/exchange';

const REAL_SMARTCAR_VARS = [
  'SMARTCAR_CLIENT_ID',
  'SMARTCAR_CLIENT_SECRET',
  'SMARTCAR_REDIRECT_URI',
  'SMARTCAR_MODE',
] as const;
const WEBHOOK_VARS = ['SMARTCAR_WEBHOOK_ID', 'SMARTCAR_MANAGEMENT_TOKEN'] as const;
const EMULATOR_CREDENTIAL_VARS = [
  'PADDOCK_EMULATOR_CLIENT_ID',
  'PADDOCK_EMULATOR_CLIENT_SECRET',
  'PADDOCK_EMULATOR_MANAGEMENT_TOKEN',
] as const;

// Empty strings count as unset, so `FOO= npm start` behaves like no FOO at all.
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const port = (name: string, fallback: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, `${name} must be a port number between 1 and 65535`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, `${name} must be a port number between 1 and 65535`)
      .optional()
      .transform((n) => n ?? fallback),
  );

const milliseconds = (name: string, max: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, `${name} must be a whole number of milliseconds from 0 to ${max}`)
      .transform(Number)
      .refine((n) => n <= max, `${name} must be a whole number of milliseconds from 0 to ${max}`)
      .optional()
      .transform((n) => n ?? 0),
  );

const flag = (name: string) =>
  optionalText.pipe(
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `${name} must be true or false` })
      .optional()
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

const databaseUrl = optionalText.pipe(
  z
    .string()
    .refine(
      (url) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^(file|postgres(ql)?):\/\//i.test(url),
      'DATABASE_URL must be postgres://…, file:<path>, a file path or :memory:',
    )
    .refine((url) => !/^postgres(ql)?:\/\//i.test(url) || URL.canParse(url), {
      // Never echo the URL: it may hold a password.
      message: 'DATABASE_URL is not a valid postgres:// URL',
    })
    .optional()
    .transform((v) => v ?? 'file:data/paddock.db'),
);

// The commands the vehicle page sends: lock/unlock, charging and its limit, a destination.
const COMMAND_PERMISSIONS: readonly Permission[] = [
  'control_security',
  'control_charge',
  'control_navigation',
];
const SIGNAL_PERMISSIONS = new Set<Permission>(Object.values(SIGNALS).map((signal) => signal.permission));

/**
 * Everything the dashboard reads and sends: the permission of every signal
 * in the contract's catalogue (the vehicle page lists them all) and of its
 * commands, in the contract's order. The default scope with the embedded
 * emulator, so a plain `npm start` shows a full dashboard.
 */
export const DASHBOARD_SCOPE: readonly Permission[] = PERMISSIONS.filter(
  (p) => SIGNAL_PERMISSIONS.has(p) || COMMAND_PERMISSIONS.includes(p),
);

/** The getting-started guide's scope: the default with Smartcar's hosts. */
export const GUIDE_SCOPE: readonly Permission[] = ['read_vehicle_info'];

// The contract's parser, so the app and the emulator read a scope the same way:
// space-separated, duplicates collapsed, `required:` locking a permission.
// Unset (or blank): undefined, and the default follows the source (see parseConfig).
const scope = optionalText.transform((value, ctx): ScopeEntry[] | undefined => {
  if (value === undefined) return undefined;
  const parsed = parseScope(value);
  if (!parsed.ok) {
    for (const token of parsed.unknown) {
      const hint = token.includes(',') ? ' (separate permissions with spaces, not commas)' : '';
      ctx.addIssue({ code: 'custom', message: `unknown permission "${token}"${hint}` });
    }
    return [];
  }
  return parsed.entries.length > 0 ? parsed.entries : undefined;
});

const envSchema = z.object({
  PORT: port('PORT', 8000),
  HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: optionalText.pipe(
    z
      .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
      .optional()
      .transform((v) => v ?? 'info'),
  ),
  LOG_FORMAT: optionalText.pipe(
    z.enum(LOG_FORMATS, { error: `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}` }).optional(),
  ),
  TRUST_PROXY: flag('TRUST_PROXY'),
  SHUTDOWN_DRAIN_MS: milliseconds('SHUTDOWN_DRAIN_MS', 60_000),
  SMARTCAR_SCOPE: scope,
  SMARTCAR_CLIENT_ID: optionalText,
  SMARTCAR_CLIENT_SECRET: optionalText,
  SMARTCAR_REDIRECT_URI: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'SMARTCAR_REDIRECT_URI must be an absolute http(s) URL' })
      .optional(),
  ),
  SMARTCAR_WEBHOOK_ID: optionalText,
  SMARTCAR_MANAGEMENT_TOKEN: optionalText,
  SMARTCAR_MODE: optionalText.pipe(
    z.enum(CONNECT_MODES, { error: `SMARTCAR_MODE must be one of ${CONNECT_MODES.join(', ')}` }).optional(),
  ),
  PADDOCK_EMULATOR_PORT: port('PADDOCK_EMULATOR_PORT', 4010),
  PADDOCK_EMULATOR_CLIENT_ID: optionalText,
  PADDOCK_EMULATOR_CLIENT_SECRET: optionalText,
  PADDOCK_EMULATOR_MANAGEMENT_TOKEN: optionalText,
});
type Env = z.output<typeof envSchema>;

/**
 * Parses the environment once. Every problem is collected and thrown together
 * as a `ConfigError`; messages name variables, never the value of a secret.
 *
 * @param env usually `process.env`; only `main.ts` passes that.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  // Cross-variable checks read only which variables are set, so they run even
  // when some values are invalid, and the one message lists everything.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map(describeIssue)),
    ...crossFieldProblems(env, parsed.success ? parsed.data : undefined),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const e = parsed.data;
  const smartcar = toSource(e);
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    trustProxy: e.TRUST_PROXY,
    scope:
      e.SMARTCAR_SCOPE ??
      (smartcar.kind === 'emulator' ? DASHBOARD_SCOPE : GUIDE_SCOPE).map((permission) => ({
        permission,
        required: false,
      })),
    mode: smartcar.kind === 'emulator' ? 'simulated' : e.SMARTCAR_MODE!,
    smartcar,
    ...(e.SMARTCAR_WEBHOOK_ID === undefined
      ? {}
      : { webhookId: e.SMARTCAR_WEBHOOK_ID, managementToken: e.SMARTCAR_MANAGEMENT_TOKEN }),
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0] ?? 'environment');
  // Our own messages already start with the variable's name.
  return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
}

function crossFieldProblems(env: Readonly<Record<string, string | undefined>>, e: Env | undefined): string[] {
  const isSet = (name: string) => (env[name]?.trim() ?? '') !== '';
  const problems: string[] = [];
  const realSet = REAL_SMARTCAR_VARS.filter(isSet);
  if (realSet.length > 0 && realSet.length < REAL_SMARTCAR_VARS.length) {
    for (const name of REAL_SMARTCAR_VARS) {
      if (!isSet(name)) {
        problems.push(
          `${name} is missing: to use Smartcar's hosts set all of ${REAL_SMARTCAR_VARS.join(', ')}; to use the embedded emulator set none of them`,
        );
      }
    }
  }
  const webhookSet = WEBHOOK_VARS.filter(isSet);
  if (webhookSet.length === 1) {
    for (const name of WEBHOOK_VARS) {
      if (!isSet(name))
        problems.push(
          `${name} is missing: set both ${WEBHOOK_VARS.join(' and ')} to receive webhooks, or neither`,
        );
    }
  }
  if (webhookSet.length > 0 && realSet.length === 0) {
    problems.push(
      `${WEBHOOK_VARS.join(' and ')} are for Smartcar's hosts; the embedded emulator registers its own webhook`,
    );
  }
  const emulatorSet = EMULATOR_CREDENTIAL_VARS.filter(isSet);
  if (emulatorSet.length > 0 && emulatorSet.length < EMULATOR_CREDENTIAL_VARS.length) {
    for (const name of EMULATOR_CREDENTIAL_VARS) {
      if (!isSet(name))
        problems.push(`${name} is missing: set all of ${EMULATOR_CREDENTIAL_VARS.join(', ')} or none`);
    }
  }
  // Read from the raw value so this is reported even when another variable failed to parse.
  const redirectPath = redirectUriPath(env.SMARTCAR_REDIRECT_URI?.trim() || undefined);
  if (redirectPath !== undefined && redirectPath !== EXCHANGE_PATH) {
    problems.push(
      `SMARTCAR_REDIRECT_URI must end in the app's ${EXCHANGE_PATH} route (its path is ${redirectPath}); otherwise Connect sends users back to a page that does not exist`,
    );
  }
  if (e !== undefined && realSet.length === 0 && e.PADDOCK_EMULATOR_PORT === e.PORT) {
    problems.push('PADDOCK_EMULATOR_PORT must differ from PORT');
  }
  return problems;
}

function redirectUriPath(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  try {
    return new URL(uri).pathname;
  } catch {
    return undefined; // the schema already reported it
  }
}

function toSource(e: Env): SmartcarSource {
  if (e.SMARTCAR_CLIENT_ID !== undefined) {
    return {
      kind: 'smartcar',
      clientId: e.SMARTCAR_CLIENT_ID,
      clientSecret: e.SMARTCAR_CLIENT_SECRET!,
      redirectUri: e.SMARTCAR_REDIRECT_URI!,
    };
  }
  const credentials =
    e.PADDOCK_EMULATOR_CLIENT_ID !== undefined
      ? {
          clientId: e.PADDOCK_EMULATOR_CLIENT_ID,
          clientSecret: e.PADDOCK_EMULATOR_CLIENT_SECRET!,
          managementToken: e.PADDOCK_EMULATOR_MANAGEMENT_TOKEN!,
        }
      : undefined;
  return { kind: 'emulator', port: e.PADDOCK_EMULATOR_PORT, credentials };
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner !== null && typeof inner === 'object' && !Object.isFrozen(inner)) deepFreeze(inner);
  }
  return Object.freeze(value);
}
