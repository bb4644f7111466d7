import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
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
 */
export async function startStack(): Promise<Stack> {
  const [appPort, emulatorPort] = [await freePort(), await freePort()];
  const dir = await mkdtemp(join(tmpdir(), 'paddock-e2e-'));
  const databaseFile = join(dir, 'paddock.db');
  const credentials = {
    clientId: `client_e2e_${randomBytes(4).toString('hex')}`,
    clientSecret: randomBytes(24).toString('base64url'),
    managementToken: randomBytes(24).toString('base64url'),
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(appPort),
    PADDOCK_EMULATOR_PORT: String(emulatorPort),
    PADDOCK_EMULATOR_CLIENT_ID: credentials.clientId,
    PADDOCK_EMULATOR_CLIENT_SECRET: credentials.clientSecret,
    PADDOCK_EMULATOR_MANAGEMENT_TOKEN: credentials.managementToken,
    DATABASE_URL: `file:${databaseFile}`,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [MAIN], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const appUrl = `http://localhost:${appPort}`;
  await waitFor(
    child,
    () => output.includes(`${appUrl}/login`),
    () => output,
  );
  return {
    appUrl,
    emulatorUrl: `http://localhost:${emulatorPort}`,
    databaseFile,
    credentials,
    output: () => output,
    async stop() {
      await stopProcess(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(child: ChildProcess, ready: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app did not print its login URL within 30 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
