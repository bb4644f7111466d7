#!/usr/bin/env node
/**
 * Composition root of the standalone emulator: the only module that reads
 * argv and the environment and opens a socket.
 */
import { pino } from 'pino';
import { CliConfigError, parseCliConfig } from './cli-config.js';
import { type ApplicationSeed, generateDevelopmentCredentials } from './control/applications.js';
import { createEmulator } from './emulator.js';
import { randomSecret } from './iam/secrets.js';
import { startEmulator } from './server.js';

let config: ReturnType<typeof parseCliConfig>;
try {
  config = parseCliConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof CliConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const given = config.credentials;
const application: ApplicationSeed = given
  ? { ...given, managementToken: given.managementToken ?? randomSecret(), redirectUris: config.redirectUris }
  : generateDevelopmentCredentials(config.redirectUris);

const logger = pino({ name: 'paddock-emulator' });
const emulator = createEmulator({ applications: [application], seed: config.seed, logger });
const server = await startEmulator({ port: config.port, host: config.host, emulator }).catch(
  (error: Error) => {
    process.stderr.write(`Cannot listen on ${config.host}:${config.port}: ${error.message}\n`);
    process.exit(1);
  },
);

// The developer needs these to configure their app; this is the one place a secret is shown.
const secretLine = given ? '(as configured)' : application.clientSecret;
const tokenLine = given?.managementToken ? '(as configured)' : application.managementToken;
process.stdout.write(
  [
    `Paddock emulator of Smartcar API v3 listening on ${server.url}`,
    `  Connect      ${server.url}/oauth/authorize`,
    `  IAM token    ${server.url}/oauth2/token`,
    `  Vehicle API  ${server.url}/v3`,
    `  Control      ${server.url}/_emulator/connect`,
    given
      ? 'Application:'
      : 'Development application (generated; pass --client-id/--client-secret to fix it):',
    `  client id         ${application.clientId}`,
    `  client secret     ${secretLine}`,
    `  management token  ${tokenLine}`,
    `  redirect URIs     ${application.redirectUris.join(' ')}`,
    '',
  ].join('\n'),
);

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
