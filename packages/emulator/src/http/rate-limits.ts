import type { MiddlewareHandler } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { hashToken } from '../iam/secrets.js';
import type { Clock } from '../simulation/clock.js';
import { ApiError } from './api-error.js';
import type { EmulatorEnv } from './env.js';
import { requestHeader } from './request-header.js';

/** A token bucket: `capacity` requests at once, refilled continuously at `refillPerMinute`. */
export interface BucketConfig {
  capacity: number;
  refillPerMinute: number;
}

/** Smartcar's limits (reference §6), measured on the emulator clock. */
export interface RateLimitConfig {
  /** Off by default, so tests and demos are never throttled unless they ask. */
  enabled: boolean;
  /** Per application: 120 requests, refilling 2 per minute → 429 `RATE_LIMIT / SMARTCAR_API`. */
  application: BucketConfig;
  /**
   * Per vehicle (and application): the reference gives no figures; the
   * emulator uses 10 requests refilling 6 per minute → 429 `RATE_LIMIT / VEHICLE`.
   */
  vehicle: BucketConfig;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimitConfig> = Object.freeze({
  enabled: false,
  application: Object.freeze({ capacity: 120, refillPerMinute: 2 }),
  vehicle: Object.freeze({ capacity: 10, refillPerMinute: 6 }),
});

/** The answer to one request: go on, or wait `retryAfterSeconds`. */
export type RateDecision =
  | { ok: true }
  | { ok: false; code: 'SMARTCAR_API' | 'VEHICLE'; retryAfterSeconds: number };

export interface RateLimiter {
  config(): Readonly<RateLimitConfig>;
  /** Replaces the given parts of the configuration; every bucket starts full again. */
  configure(patch: {
    enabled?: boolean;
    application?: BucketConfig;
    vehicle?: BucketConfig;
  }): Readonly<RateLimitConfig>;
  /** Spends one request of the application's bucket and, for a vehicle path, of the vehicle's. Spends nothing when refused. */
  take(applicationId: string, vehicleId?: string): RateDecision;
  reset(): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(clock: Clock): RateLimiter {
  let config: Readonly<RateLimitConfig> = DEFAULT_RATE_LIMITS;
  const buckets = new Map<string, Bucket>();

  /** The bucket refilled up to now (created full). */
  const current = (key: string, b: BucketConfig): Bucket => {
    const now = clock.now();
    const bucket = buckets.get(key) ?? { tokens: b.capacity, at: now };
    const refilled = Math.min(
      b.capacity,
      bucket.tokens + (Math.max(0, now - bucket.at) * b.refillPerMinute) / 60_000,
    );
    const fresh = { tokens: refilled, at: now };
    buckets.set(key, fresh);
    return fresh;
  };
  const waitSeconds = (bucket: Bucket, b: BucketConfig) =>
    b.refillPerMinute > 0 ? Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / b.refillPerMinute)) : 3600;

  return {
    config: () => config,
    configure(patch) {
      config = Object.freeze({ ...config, ...patch });
      buckets.clear();
      return config;
    },
    take(applicationId, vehicleId) {
      if (!config.enabled) return { ok: true };
      const app = current(`app:${applicationId}`, config.application);
      if (app.tokens < 1)
        return { ok: false, code: 'SMARTCAR_API', retryAfterSeconds: waitSeconds(app, config.application) };
      if (vehicleId !== undefined) {
        const vehicle = current(`vehicle:${applicationId}:${vehicleId}`, config.vehicle);
        if (vehicle.tokens < 1) {
          return { ok: false, code: 'VEHICLE', retryAfterSeconds: waitSeconds(vehicle, config.vehicle) };
        }
        vehicle.tokens -= 1;
      }
      app.tokens -= 1;
      return { ok: true };
    },
    reset() {
      config = DEFAULT_RATE_LIMITS;
      buckets.clear();
    },
  };
}

const VEHICLE_PATH = /^\/v3\/vehicles\/([^/]+)/;

/**
 * Applies the limiter to Vehicle API requests. Runs before `bearerAuth`, so it
 * resolves the token itself; a request without a valid application token is
 * left for `bearerAuth` to refuse and costs nothing. Connection calls spend only
 * the application bucket, as on Smartcar (§3.2).
 */
export function rateLimit(
  deps: Pick<EmulatorDeps, 'store'> & { rateLimits: RateLimiter },
): MiddlewareHandler<EmulatorEnv> {
  return (c, next) => {
    if (!deps.rateLimits.config().enabled) return next();
    const match = /^Bearer\s+([^\s]+)\s*$/i.exec(requestHeader(c, 'authorization') ?? '');
    const token = match && deps.store.tokens.findValid(hashToken(match[1]!));
    if (!token) return next();
    // Only a known vehicle gets a bucket, so made-up ids cannot grow the table without bound.
    const pathVehicle = VEHICLE_PATH.exec(c.req.path)?.[1];
    const vehicleId = pathVehicle && deps.store.vehicles.findById(pathVehicle) ? pathVehicle : undefined;
    const decision = deps.rateLimits.take(token.applicationId, vehicleId);
    if (!decision.ok) {
      const retryAfter = String(decision.retryAfterSeconds);
      throw new ApiError('RATE_LIMIT', decision.code, {
        detail:
          decision.code === 'VEHICLE'
            ? `Too many requests for vehicle ${vehicleId}; retry after ${retryAfter} s.`
            : `The application's request bucket is empty; retry after ${retryAfter} s.`,
        headers: { 'retry-after': retryAfter },
      });
    }
    return next();
  };
}
