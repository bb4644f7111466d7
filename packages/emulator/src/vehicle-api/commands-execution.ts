import {
  type CommandExecution,
  type CommandExecutionResponse,
  EXECUTION_ID_PREFIX,
  type ExecutionMode,
} from '@paddock/contract';
import type { Context } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { toErrorEnvelope } from '../http/error-envelope.js';
import { respondWithError } from '../http/error-handler.js';
import { originOf } from '../http/origin.js';
import type { CommandExecutionRecord } from '../store/command-executions.js';
import type { VehicleAccess } from './commands-access.js';
import { ulidLike } from './commands-ids.js';
import type { CommandSettings } from './commands-settings.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Whitespace is sent every this many ms while a long-running command is in flight, so idle proxies keep the connection. */
const KEEP_ALIVE_MS = 10_000;

/** The `command-execution` resource of a record (reference §3.5). */
export function serializeExecution(origin: string, r: CommandExecutionRecord): CommandExecution {
  const done = r.completedAt !== undefined;
  return {
    id: r.id,
    type: 'command-execution',
    attributes: {
      commandType: r.commandType,
      status: r.error === undefined ? { value: r.status } : { value: r.status, error: r.error },
      executionMode: r.executionMode,
      parameters: r.parameters,
    },
    meta: {
      executedAt: iso(r.executedAt),
      completedAt: done ? iso(r.completedAt!) : null,
      durationInSeconds: done ? (r.completedAt! - r.executedAt) / 1000 : null,
    },
    links: { self: `${origin}/v3/vehicles/${r.vehicleId}/commands/${r.id}` },
  };
}

/** What `runCommand` needs beyond the request. */
export interface CommandRunnerDeps extends Pick<EmulatorDeps, 'store' | 'clock' | 'ids' | 'logger'> {
  commandSettings: CommandSettings;
  /** Waits real milliseconds; default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a validated command: records it, waits the configured delay (the
 * vehicle "answering"), applies `effect`, and answers 200 with the final
 * `command-execution`, or the vehicle's error envelope (409, 501…). When the
 * delay is above `longRunningAfterMs`, answers `202` at once with a streamed
 * body (leading whitespace flushes the headers; more keeps the line alive)
 * that ends with the final `command-execution` (executionMode `async`; a
 * failure is `status.value: FAILED` with the error, since the status line is gone).
 */
export function runCommand(
  deps: CommandRunnerDeps,
  c: Context<EmulatorEnv>,
  access: VehicleAccess,
  command: { commandType: string; parameters: Record<string, unknown>; effect: () => void },
): Response | Promise<Response> {
  const { delayMs, longRunningAfterMs } = deps.commandSettings.get();
  const sleep = deps.sleep ?? realSleep;
  const executionMode: ExecutionMode = delayMs > longRunningAfterMs ? 'async' : 'sync';
  const record: CommandExecutionRecord = {
    id: ulidLike(EXECUTION_ID_PREFIX, deps.clock, deps.ids),
    applicationId: access.connection.applicationId,
    userId: access.userId,
    vehicleId: access.vehicleId,
    commandType: command.commandType,
    parameters: command.parameters,
    executionMode,
    status: 'PENDING',
    executedAt: deps.clock.now(),
  };
  deps.store.commandExecutions.save(record);
  const origin = originOf(c.req.url);

  /** Applies the effect and stores the final record; an ApiError is the vehicle's refusal, anything else a fault of ours. */
  const complete = (): { final: CommandExecutionRecord; error?: ApiError } => {
    let final: CommandExecutionRecord;
    let error: ApiError | undefined;
    try {
      command.effect();
      final = { ...record, status: 'SUCCESS', completedAt: deps.clock.now() };
    } catch (err) {
      if (!(err instanceof ApiError)) deps.logger.error({ err, executionId: record.id }, 'command failed');
      error =
        err instanceof ApiError
          ? err
          : new ApiError('SERVER', 'INTERNAL', { detail: 'The emulator failed to run this command.' });
      const [v3] = toErrorEnvelope(error, c.get('requestId')).errors;
      final = { ...record, status: 'FAILED', error: v3, completedAt: deps.clock.now() };
    }
    deps.store.commandExecutions.save(final);
    return { final, error };
  };

  if (executionMode === 'sync') {
    const finish = () => {
      const { final, error } = complete();
      if (error) return respondWithError(c, error);
      const body: CommandExecutionResponse = { data: serializeExecution(origin, final) };
      return c.json(body, 200);
    };
    return delayMs > 0 ? sleep(delayMs).then(finish) : finish();
  }

  const encoder = new TextEncoder();
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      send('\n');
      keepAlive = setInterval(() => send('\n'), KEEP_ALIVE_MS);
      void sleep(delayMs).then(() => {
        clearInterval(keepAlive);
        const body: CommandExecutionResponse = { data: serializeExecution(origin, complete().final) };
        send(JSON.stringify(body));
        if (open) controller.close();
        open = false;
      });
    },
    cancel() {
      // The client went away; the vehicle still carries the command out, as a real one would.
      open = false;
      clearInterval(keepAlive);
    },
  });
  // Content-Location lets a client poll the execution while the body is still on its way (an emulator addition).
  return c.body(stream, 202, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-location': `${origin}/v3/vehicles/${record.vehicleId}/commands/${record.id}`,
  });
}
