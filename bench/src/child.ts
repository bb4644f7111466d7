import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A server running in its own process, so load generation does not share its event loop. */
export interface ServerProcess<I> {
  info: I;
  /** Asks the child for a measurement it takes of itself (e.g. memory). */
  ask<R>(question: string): Promise<R>;
  stop(): Promise<void>;
}

/** Forks `bench/dist/servers/<name>.js` and waits for its `{ ready: info }` message. */
export function startServer<I>(name: string, args: string[] = []): Promise<ServerProcess<I>> {
  return startScript(fileURLToPath(new URL(`./servers/${name}.js`, import.meta.url)), args);
}

/** Forks any script that reports `{ ready: info }` over IPC, with extra environment variables. */
export async function startScript<I>(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess<I>> {
  const child: ChildProcess = fork(script, args, {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const info = await new Promise<I>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', (message) => resolve((message as { ready: I }).ready));
  });
  return {
    info,
    ask: <R>(question: string) =>
      new Promise<R>((resolve) => {
        child.once('message', (message) => resolve((message as { answer: R }).answer));
        child.send({ question });
      }),
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The child's side: report readiness, then answer questions. */
export function serveQuestions(
  info: unknown,
  answers: Record<string, () => unknown | Promise<unknown>>,
): void {
  process.send?.({ ready: info });
  process.on('message', async (message: { question: string }) => {
    const answer = answers[message.question];
    process.send?.({ answer: answer ? await answer() : null });
  });
  process.on('SIGTERM', () => process.exit(0));
}
