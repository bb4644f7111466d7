import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../apps/web/dist/main.js', import.meta.url));

/** `apps/web/dist/main.js` as `npm start` runs it, on the given ports, with its log lines kept. */
export interface AppProcess {
  url: string;
  emulatorUrl: string;
  credentials: { clientId: string; clientSecret: string };
  /** Log lines (pino JSON) printed so far. */
  logLines(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export const BENCH_MANAGEMENT_TOKEN = 'bench-management-token-0123456789';

export async function startApp(
  port: number,
  emulatorPort: number,
  options: { databaseUrl?: string; logLevel?: string } = {},
): Promise<AppProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'paddock-bench-'));
  const credentials = { clientId: 'client_bench', clientSecret: 'bench-secret-0123456789abcdef' };
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      PADDOCK_EMULATOR_PORT: String(emulatorPort),
      PADDOCK_EMULATOR_CLIENT_ID: credentials.clientId,
      PADDOCK_EMULATOR_CLIENT_SECRET: credentials.clientSecret,
      PADDOCK_EMULATOR_MANAGEMENT_TOKEN: BENCH_MANAGEMENT_TOKEN,
      DATABASE_URL: options.databaseUrl ?? `file:${join(dir, 'paddock.db')}`,
      LOG_LEVEL: options.logLevel ?? 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (!output.includes(`${url}/login`)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    emulatorUrl: `http://localhost:${emulatorPort}`,
    credentials,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
