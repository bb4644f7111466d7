#!/usr/bin/env node
/**
 * Composition root of the standalone emulator: the only module that reads
 * argv and the environment, opens a socket and touches the data file.
 */
import { pino } from 'pino';
import pinoPretty from 'pino-pretty';
import { CliConfigError, parseCliConfig } from './cli-config.js';
import { type ApplicationSeed, generateDevelopmentCredentials } from './control/applications.js';
import { isScenarioName, playScenario } from './control/scenarios.js';
import { restoreState } from './control/startup.js';
import { createStateWriter, readStateFile, type StateWriter } from './control/state-file.js';
import { createEmulator } from './emulator.js';
import { randomSecret } from './iam/secrets.js';
import { startEmulator } from './server.js';
import { developmentWebhook } from './webhooks/development-webhook.js';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let config: ReturnType<typeof parseCliConfig>;
try {
  config = parseCliConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof CliConfigError)) throw error;
  fail(error.message, 2);
}

const given = config.credentials;
const configured: ApplicationSeed | undefined = given
  ? { ...given, managementToken: given.managementToken ?? randomSecret(), redirectUris: config.redirectUris }
  : undefined;

// Readable lines on a terminal (or with LOG_FORMAT=pretty), JSON lines anywhere else (or with LOG_FORMAT=json).
const logger =
  config.logFormat === 'pretty' || (config.logFormat === undefined && process.stdout.isTTY)
    ? pino(
        { name: 'paddock-emulator' },
        pinoPretty({
          sync: true,
          colorize: process.stdout.isTTY === true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,name',
          singleLine: true,
        }),
      )
    : pino({ name: 'paddock-emulator' });
let writer: StateWriter | undefined;
const emulator = createEmulator({ seed: config.seed, logger, onChange: () => writer?.schedule() });

// Where the state comes from: the data file (a restart), a scenario file, or a fresh application.
let saved: unknown;
try {
  saved = config.dataFile ? readStateFile(config.dataFile) : undefined;
  if (saved === undefined && config.scenario && !isScenarioName(config.scenario)) {
    saved = readStateFile(config.scenario) ?? fail(`The scenario file ${config.scenario} does not exist.`, 2);
  }
} catch (error) {
  fail((error as Error).message, 2);
}

let generated: ApplicationSeed | undefined;
if (saved !== undefined) {
  try {
    restoreState(emulator, saved, configured);
  } catch (error) {
    fail(`Cannot load ${config.dataFile ?? config.scenario}: ${(error as Error).message}`, 2);
  }
} else {
  generated = configured ? undefined : generateDevelopmentCredentials(config.redirectUris);
  emulator.registerApplication(configured ?? generated!);
}
const applications = (await (await emulator.fetch('/_emulator/applications')).json()) as {
  data: { clientId: string; redirectUris: string[] }[];
};
const primary = configured?.clientId ?? generated?.clientId ?? applications.data[0]?.clientId;

if (saved === undefined && config.scenario && isScenarioName(config.scenario) && primary) {
  await playScenario(emulator, config.scenario, primary).catch((error: Error) => fail(error.message, 1));
}
if (config.webhookUrl && primary) {
  const existing = (await (await emulator.fetch('/_emulator/webhooks')).json()) as {
    data: { callbackUri: string }[];
  };
  // A restart from the data file already has it.
  if (!existing.data.some((w) => w.callbackUri === config.webhookUrl)) {
    emulator.registerWebhook(developmentWebhook(primary, config.webhookUrl));
  }
}
if (config.dataFile) {
  writer = createStateWriter(config.dataFile, emulator.runtime, logger);
  writer.flush();
}

const server = await startEmulator({ port: config.port, host: config.host, emulator }).catch((error: Error) =>
  fail(`Cannot listen on ${config.host}:${config.port}: ${error.message}`, 1),
);

// The developer needs these to configure their app; this is the one place a secret is shown.
const credentials = generated
  ? [
      'Development application (generated; pass --client-id/--client-secret to fix it):',
      `  client id         ${generated.clientId}`,
      `  client secret     ${generated.clientSecret}`,
      `  management token  ${generated.managementToken}`,
      `  redirect URIs     ${generated.redirectUris.join(' ')}`,
    ]
  : [
      saved === undefined ? 'Application:' : `Applications (from ${config.dataFile ?? config.scenario}):`,
      ...applications.data.map(
        (a) => `  client id         ${a.clientId}${a.clientId === given?.clientId ? ' (as configured)' : ''}`,
      ),
      '  client secret     (as configured, or as shown when it was generated)',
    ];
process.stdout.write(
  [
    `Paddock emulator of Smartcar API v3 listening on ${server.url}`,
    `  Connect         ${server.url}/oauth/authorize`,
    `  IAM token       ${server.url}/oauth2/token`,
    `  Vehicle API     ${server.url}/v3`,
    `  Management API  ${server.url}/v3/webhooks, /v3/subscriptions, /v3/applications`,
    `  Control         ${server.url}/_emulator (dashboard and JSON API)`,
    ...(config.dataFile ? [`  Data file       ${config.dataFile}`] : []),
    ...(config.webhookUrl ? [`  Webhook         ${config.webhookUrl}`] : []),
    ...credentials,
    '',
  ].join('\n'),
);

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  server.close().then(
    () => {
      writer?.flush();
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      writer?.flush();
      process.exit(1);
    },
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
