import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runNode } from './process.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'apps/web/dist/main.js');

/** Asks the kernel for a free port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface Stack {
  appUrl: string;
  emulatorUrl: string;
  databaseFile: string;
  credentials: { clientId: string; clientSecret: string; managementToken: string };
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `apps/web/dist/main.js` exactly as `npm start` does — the app with its
 * embedded emulator — on free ports, with a fresh SQLite file and known
 * development credentials, and waits for it to print its login URL.
 * @param extraEnv more variables for the app (e.g. `SMARTCAR_SCOPE`)
 */
export async function startStack(extraEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  const [appPort, emulatorPort] = [await freePort(), await freePort()];
  const dir = await mkdtemp(join(tmpdir(), 'paddock-e2e-'));
  const databaseFile = join(dir, 'paddock.db');
  const credentials = {
    clientId: `client_e2e_${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
    managementToken: randomBytes(24).toString('base64url'),
  };
  const env: NodeJS.ProcessEnv = {
    PORT: String(appPort),
    PADDOCK_EMULATOR_PORT: String(emulatorPort),
    PADDOCK_EMULATOR_CLIENT_ID: credentials.clientId,
    PADDOCK_EMULATOR_CLIENT_SECRET: credentials.clientSecret,
    PADDOCK_EMULATOR_MANAGEMENT_TOKEN: credentials.managementToken,
    DATABASE_URL: `file:${databaseFile}`,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const app = runNode(MAIN, [], env, dir);
  const appUrl = `http://localhost:${appPort}`;
  await app.waitForOutput(new RegExp(`${appUrl}/login`));
  return {
    appUrl,
    emulatorUrl: `http://localhost:${emulatorPort}`,
    databaseFile,
    credentials,
    output: app.output,
    async stop() {
      await app.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
