/**
 * Composition root: the only module that reads the environment, opens the
 * database and listens on sockets. `npm start` runs this file.
 */
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import {
  createEmulator,
  developmentWebhook,
  generateDevelopmentCredentials,
  startEmulator,
} from '@paddock/emulator';
import { SmartcarClient } from '@paddock/sdk';
import { type Logger, pino } from 'pino';
import pinoPretty from 'pino-pretty';
import { createApp, type PaddockApp } from './app.js';
import { type Config, ConfigError, parseConfig } from './config.js';
import { createDatabase, dialectOf } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createLiveHub } from './features/live/live-hub.js';
import { createPostgresLiveHub } from './features/live/postgres-live-hub.js';
import { startRetention } from './features/retention/retention.js';
import type { AppLogger } from './logger.js';

/** Closes something opened at start; run in reverse order of opening. */
type Closer = () => Promise<void>;

const SHUTDOWN_GRACE_MS = 10_000;

/** The development webhook registered in the embedded emulator. */
interface EmulatorWebhook {
  readonly id: string;
  readonly managementToken: string;
  /** Sends a new VERIFY challenge (the first one may have found the app not yet listening). */
  verify(): void;
}

/** Thrown for start-up failures that deserve one line, not a stack. */
class StartupError extends Error {}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }

  const logger = createLogger(config);
  const closers: Closer[] = [];
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  try {
    const db = createDatabase({
      url: config.databaseUrl,
      cwd: process.cwd(),
      onPoolError: (error) => logger.error({ err: error }, 'idle database connection failed'),
    });
    closers.push(() => db.destroy());
    await migrateToLatest(db);
    // Old webhook events and signal history go hourly (closed before the database).
    closers.push(startRetention({ db, clock: { now: () => Date.now() }, logger }));

    const { smartcar, banner, webhook } = await smartcarFor(config, logger, closers);
    const appConfig = webhook
      ? { ...config, webhookId: webhook.id, managementToken: webhook.managementToken }
      : config;
    // Several instances on one PostgreSQL tell each other's open pages (LISTEN/NOTIFY).
    const live =
      dialectOf(config.databaseUrl) === 'postgres'
        ? await createPostgresLiveHub({ db, url: config.databaseUrl, logger })
        : createLiveHub();
    const app = createApp({ config: appConfig, db, smartcar, logger, live });
    closers.push(await listen(app, config.port, config.host, 'PORT'));
    // Closed first (closers run in reverse): open live streams end, so closing the server does not wait for them.
    closers.push(() => live.close());
    // Pushed last, so run first on shutdown: /readyz turns 503, and with
    // SHUTDOWN_DRAIN_MS the app goes on serving that long, so a load balancer
    // stops sending traffic here before the listener closes.
    closers.push(async () => {
      app.drain();
      if (config.shutdownDrainMs === 0) return;
      logger.info({ ms: config.shutdownDrainMs }, 'draining: /readyz answers 503 until the listener closes');
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    });
    // The emulator's first VERIFY went out before the app listened; now it can be answered.
    webhook?.verify();

    process.stdout.write(
      `Paddock is ready: open ${publicUrl(config.host, config.port)}/login (sign up or sign in, then connect)\n${banner}\n`,
    );
  } catch (error) {
    await closeAll(closers, logger);
    if (error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'start-up failed');
    }
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C means now
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Requests still waiting on Smartcar get a few seconds, not forever.
    setTimeout(() => process.exit(1), config.shutdownDrainMs + SHUTDOWN_GRACE_MS).unref();
    void closeAll(closers, logger).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * pino at the configured level: JSON lines for machines (a pipe, a file, a
 * log collector), or on a terminal (or with `LOG_FORMAT=pretty`) one
 * readable line per entry, formatted by pino-pretty in this thread.
 */
function createLogger(config: Config): Logger {
  const pretty = config.logFormat === 'pretty' || (config.logFormat === undefined && process.stdout.isTTY);
  if (!pretty) return pino({ level: config.logLevel });
  return pino(
    { level: config.logLevel },
    pinoPretty({
      sync: true,
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: true,
    }),
  );
}

/** The SDK client for the configured source, starting the embedded emulator when that is the source. */
async function smartcarFor(
  config: Config,
  logger: Logger,
  closers: Closer[],
): Promise<{ smartcar: SmartcarClient; banner: string; webhook?: EmulatorWebhook }> {
  const source = config.smartcar;
  if (source.kind === 'smartcar') {
    const smartcar = new SmartcarClient({
      clientId: source.clientId,
      clientSecret: source.clientSecret,
      redirectUri: source.redirectUri,
      mode: config.mode,
    });
    return { smartcar, banner: `Using Smartcar's hosts in ${config.mode} mode.` };
  }

  const redirectUri = `http://localhost:${config.port}/exchange`;
  const application = source.credentials
    ? { ...source.credentials, redirectUris: [redirectUri] }
    : generateDevelopmentCredentials([redirectUri]);
  const emulator = createEmulator({
    applications: [application],
    logger: logger.child({ component: 'emulator' }),
  });
  const started = await startEmulator({ port: source.port, host: config.host, emulator }).catch(
    (error: unknown) => {
      throw portProblem(error, source.port, 'PADDOCK_EMULATOR_PORT') ?? error;
    },
  );
  closers.push(() => started.close());
  const emulatorOrigin = `http://localhost:${source.port}`;
  logger.debug({ emulatorOrigin, clientId: application.clientId }, 'embedded emulator started');
  const smartcar = new SmartcarClient({
    clientId: application.clientId,
    clientSecret: application.clientSecret,
    redirectUri,
    mode: config.mode,
    emulatorOrigin,
  });
  // The development webhook (state of charge, charging, cable, locks) pointing at this app;
  // its deliveries are signed with the development application's management token.
  const registered = emulator.registerWebhook(
    developmentWebhook(application.clientId, `${publicUrl(config.host, config.port)}/webhooks/smartcar`),
  );
  // Let the first (unanswerable) VERIFY finish before the app listens, so it cannot land after the real one.
  await emulator.webhooks.settle();
  const webhook: EmulatorWebhook = {
    id: registered.id,
    managementToken: application.managementToken,
    verify: () => {
      try {
        emulator.webhooks.verify(registered.id);
      } catch (error) {
        logger.warn({ err: error }, 'could not verify the development webhook');
      }
    },
  };
  return {
    smartcar,
    webhook,
    banner: `Running against the embedded Smartcar emulator at ${emulatorOrigin} (simulated vehicles; at Connect any email and password will do).`,
  };
}

/**
 * Serves the app on host:port (webhook deliveries on its direct path, the
 * rest through Hono); resolves once listening, with a function that closes the server.
 */
function listen(app: PaddockApp, port: number, host: string, variable: string): Promise<Closer> {
  const viaHono = getRequestListener(app.fetch);
  const server = createServer((req, res) => {
    if (!app.serveDirect(req, res)) void viaHono(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(portProblem(error, port, variable) ?? error));
    server.listen(port, host, () => {
      resolve(
        () =>
          new Promise<void>((done) => {
            // Idle keep-alive sockets would otherwise hold close() open, including those
            // whose last response (an ended live stream) is still being flushed now.
            const closeIdle = () => {
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            };
            const sweep = setInterval(closeIdle, 100);
            server.close(() => {
              clearInterval(sweep);
              done();
            });
            closeIdle();
          }),
      );
    });
  });
}

function portProblem(error: unknown, port: number, variable: string): StartupError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${port} is already in use: stop what is using it, or set ${variable} to a free port.`,
    );
  }
  if (code === 'EACCES')
    return new StartupError(`Not allowed to listen on port ${port}: set ${variable} to a port above 1024.`);
  return undefined;
}

/**
 * The URL a person should open; wildcard and loopback binds are reached as
 * localhost. The emulator's `startEmulator` applies the same rule to its own
 * URL; it is kept here rather than shared because the emulator exposes no URL
 * helper; the boot tests check that both print localhost.
 */
function publicUrl(host: string, port: number): string {
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

async function closeAll(closers: Closer[], logger: AppLogger): Promise<void> {
  for (const close of closers.splice(0).reverse()) {
    try {
      await close();
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
    }
  }
}

await main();
