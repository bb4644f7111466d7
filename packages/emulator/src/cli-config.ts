import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Default port of the standalone emulator. */
export const DEFAULT_PORT = 4010;
/** The getting-started guide's redirect URI. */
export const DEFAULT_REDIRECT_URI = 'http://localhost:8000/exchange';

/** The standalone emulator's configuration, parsed once at start. */
export interface CliConfig {
  port: number;
  host: string;
  /** Absent when no credentials were given: main generates and prints them. */
  credentials?: { clientId: string; clientSecret: string; managementToken?: string };
  redirectUris: string[];
  seed?: string;
  /** JSON state file: loaded at start when it exists, saved after changes and at shutdown. */
  dataFile?: string;
  /** Callback of a webhook registered for the development application (VERIFY is sent to it). */
  webhookUrl?: string;
  /** A built-in scenario name or a state export (JSON file) to start from when no data file was loaded. */
  scenario?: string;
  /** `LOG_FORMAT`: JSON lines or readable ones; absent: readable on a terminal only. */
  logFormat?: 'json' | 'pretty';
}

/** Every configuration problem, reported together. */
export class CliConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid emulator configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n\n${USAGE}`);
    this.name = 'CliConfigError';
  }
}

export const USAGE = `Usage: paddock-emulator [--port 4010] [--host 127.0.0.1] [--client-id ID --client-secret SECRET]
                        [--management-token TOKEN] [--redirect-uri URI ...] [--seed SEED]
                        [--data FILE] [--webhook-url URL] [--scenario demo|FILE]
Environment: PADDOCK_EMULATOR_PORT, PADDOCK_EMULATOR_HOST, PADDOCK_EMULATOR_CLIENT_ID,
  PADDOCK_EMULATOR_CLIENT_SECRET, PADDOCK_EMULATOR_MANAGEMENT_TOKEN, PADDOCK_EMULATOR_REDIRECT_URIS (comma-separated),
  PADDOCK_EMULATOR_SEED, PADDOCK_EMULATOR_DATA, PADDOCK_EMULATOR_WEBHOOK_URL, PADDOCK_EMULATOR_SCENARIO,
  LOG_FORMAT (json or pretty).
  Flags win over the environment.`;

const STRING_OPTIONS = [
  'port',
  'host',
  'client-id',
  'client-secret',
  'management-token',
  'redirect-uri',
  'seed',
  'data',
  'webhook-url',
  'scenario',
];

const schema = z
  .object({
    port: z
      .string()
      .regex(/^\d{1,5}$/, 'port must be an integer from 0 to 65535')
      .transform(Number)
      .pipe(z.number().max(65535, 'port must be an integer from 0 to 65535')),
    host: z.string().min(1, 'host must not be empty'),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    managementToken: z.string().min(1).optional(),
    redirectUris: z
      .array(
        z
          .string()
          .refine(
            (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
            'redirect URI must be an absolute http(s) URL',
          ),
      )
      .min(1, 'at least one redirect URI is needed'),
    seed: z.string().min(1).optional(),
    dataFile: z.string().min(1, 'the data file path must not be empty').optional(),
    webhookUrl: z
      .string()
      .refine(
        (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
        'webhook URL must be an absolute http(s) URL',
      )
      .optional(),
    scenario: z.string().min(1, 'the scenario must not be empty').optional(),
    logFormat: z.enum(['json', 'pretty'], { error: 'LOG_FORMAT must be json or pretty' }).optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.clientId === undefined) !== (c.clientSecret === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give both a client id and a client secret, or neither' });
    }
    if (c.managementToken !== undefined && c.clientId === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a management token needs a client id and secret too' });
    }
  });

/** Parses flags and environment into a frozen config, or throws CliConfigError listing every problem. */
export function parseCliConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Readonly<CliConfig> {
  const problems: string[] = [];
  const { values, positionals } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      ...Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: 'string' as const }])),
      'redirect-uri': { type: 'string', multiple: true },
    },
  });
  for (const [name, value] of Object.entries(values)) {
    if (!STRING_OPTIONS.includes(name)) problems.push(`unknown option --${name}`);
    else if ([value].flat().some((v) => typeof v !== 'string')) problems.push(`--${name} needs a value`);
  }
  if (positionals.length > 0) problems.push(`unexpected argument ${positionals.join(' ')}`);

  const flag = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const flagUris = [values['redirect-uri']].flat().filter((v): v is string => typeof v === 'string');
  const envUris = env.PADDOCK_EMULATOR_REDIRECT_URIS?.split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const parsed = schema.safeParse({
    port: flag('port') ?? env.PADDOCK_EMULATOR_PORT ?? String(DEFAULT_PORT),
    host: flag('host') ?? env.PADDOCK_EMULATOR_HOST ?? '127.0.0.1',
    clientId: flag('client-id') ?? env.PADDOCK_EMULATOR_CLIENT_ID,
    clientSecret: flag('client-secret') ?? env.PADDOCK_EMULATOR_CLIENT_SECRET,
    managementToken: flag('management-token') ?? env.PADDOCK_EMULATOR_MANAGEMENT_TOKEN,
    redirectUris: flagUris.length > 0 ? flagUris : (envUris ?? [DEFAULT_REDIRECT_URI]),
    seed: flag('seed') ?? env.PADDOCK_EMULATOR_SEED,
    dataFile: flag('data') ?? env.PADDOCK_EMULATOR_DATA,
    webhookUrl: flag('webhook-url') ?? env.PADDOCK_EMULATOR_WEBHOOK_URL,
    scenario: flag('scenario') ?? env.PADDOCK_EMULATOR_SCENARIO,
    logFormat: env.LOG_FORMAT?.trim() || undefined,
  });
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => i.message));
  if (problems.length > 0 || !parsed.success) throw new CliConfigError(problems);

  const c = parsed.data;
  return Object.freeze({
    port: c.port,
    host: c.host,
    credentials:
      c.clientId && c.clientSecret
        ? { clientId: c.clientId, clientSecret: c.clientSecret, managementToken: c.managementToken }
        : undefined,
    redirectUris: c.redirectUris,
    seed: c.seed,
    dataFile: c.dataFile,
    webhookUrl: c.webhookUrl,
    scenario: c.scenario,
    logFormat: c.logFormat,
  });
}
