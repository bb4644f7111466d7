import type { ErrorCode, ErrorType } from '@paddock/contract';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { Ids } from '../deps.js';
import { type SeededRandom, seededRandom } from '../simulation/seeded.js';
import { ApiError } from './api-error.js';
import type { EmulatorEnv } from './env.js';
import { toErrorEnvelope } from './error-envelope.js';

/** What to inject and where; every matcher is optional (absent = any). */
export interface FaultSpec {
  /** The error to answer with; absent for a latency-only fault. */
  type?: ErrorType;
  code?: ErrorCode | null;
  /** HTTP status; default the catalogue's for `type`/`code` (`statusOf`). */
  status?: number;
  detail?: string;
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number;
  /** Real milliseconds to wait before answering (or before the request goes on). */
  latencyMs?: number;
  /** Glob on the path: `*` is any text within a segment, `**` any text at all. */
  pathPattern?: string;
  /** HTTP method, any case. */
  method?: string;
  /** Only requests under `/v3/vehicles/{vehicleId}`. */
  vehicleId?: string;
  /** Chance of applying to a matching request, 0–1; default 1. Draws are seeded, so runs repeat. */
  probability?: number;
  /** Applies this many times, then disappears; absent = until deleted. */
  count?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Applications left, when `count` was given. */
  remaining?: number;
}

export interface FaultRegistry {
  add(spec: FaultSpec): Fault;
  list(): Fault[];
  remove(id: string): boolean;
  clear(): void;
  /** How many faults are registered. */
  size(): number;
  /** The first fault (oldest first) matching the request that passes its probability draw; spends one of its count. */
  take(method: string, path: string): Fault | undefined;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*\*|\*/g, (star) => (star === '**' ? '.*' : '[^/]*'))}$`);
}

const underVehicle = (path: string, vehicleId: string) => {
  const prefix = `/v3/vehicles/${vehicleId}`;
  return path === prefix || path.startsWith(`${prefix}/`);
};

export function createFaultRegistry(deps: { ids: Ids; seed: string }): FaultRegistry {
  const faults: { fault: Fault; pattern?: RegExp; random: SeededRandom }[] = [];
  return {
    add(spec) {
      const fault: Fault = {
        id: deps.ids.uuid(),
        ...spec,
        ...(spec.count === undefined ? {} : { remaining: spec.count }),
      };
      faults.push({
        fault,
        pattern: spec.pathPattern === undefined ? undefined : globToRegExp(spec.pathPattern),
        random: seededRandom(deps.seed, `fault:${faults.length}:${JSON.stringify(spec)}`),
      });
      return { ...fault };
    },
    list: () => faults.map(({ fault }) => ({ ...fault })),
    remove(id) {
      const index = faults.findIndex(({ fault }) => fault.id === id);
      if (index === -1) return false;
      faults.splice(index, 1);
      return true;
    },
    clear: () => {
      faults.length = 0;
    },
    size: () => faults.length,
    take(method, path) {
      for (const [index, entry] of faults.entries()) {
        const { fault, pattern, random } = entry;
        if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) continue;
        if (pattern && !pattern.test(path)) continue;
        if (fault.vehicleId !== undefined && !underVehicle(path, fault.vehicleId)) continue;
        if (fault.probability !== undefined && random.next() >= fault.probability) continue;
        if (fault.remaining !== undefined) {
          fault.remaining -= 1;
          if (fault.remaining <= 0) faults.splice(index, 1);
        }
        return { ...fault };
      }
      return undefined;
    },
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies the first matching fault to a `/v3` request: waits its latency, then
 * answers its error in the v3 envelope (with `retry-after` when set) or, for a
 * latency-only fault, lets the request go on.
 */
export function injectFaults(
  deps: { faults: FaultRegistry },
  sleep: (ms: number) => Promise<void> = realSleep,
): MiddlewareHandler<EmulatorEnv> {
  const apply = async (fault: Fault, c: Context<EmulatorEnv>, next: Next) => {
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.type === undefined) return next();
    const error = new ApiError(fault.type, (fault.code ?? null) as never, {
      detail: fault.detail ?? `Injected fault ${fault.id}.`,
    });
    const status = fault.status ?? error.status;
    const envelope = toErrorEnvelope(error, c.get('requestId'));
    for (const e of envelope.errors) e.status = String(status);
    const headers: Record<string, string> =
      fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    return c.json(envelope, status as 400, headers);
  };
  // No fault matching (the usual case): straight on, without an extra await.
  return (c, next) => {
    const fault = deps.faults.take(c.req.method, c.req.path);
    return fault ? apply(fault, c, next) : next();
  };
}
