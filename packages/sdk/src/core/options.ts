import type { ConnectMode, SmartcarOrigins } from '@paddock/contract';

/** A source of the current time, in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Options of {@link SmartcarClient}. Every seam the client touches is injectable. */
export interface SmartcarClientOptions {
  /** Application client id (IAM) — also the Connect `client_id`. Required. */
  clientId: string;
  /** Application client secret (IAM only). Required; never logged. */
  clientSecret: string;
  /** Redirect URI used by `buildConnectUrl()` when the call does not give one. */
  redirectUri?: string;
  /** Connect mode used by `buildConnectUrl()` when the call does not give one. Default `'live'`. */
  mode?: ConnectMode;
  /** Origins per surface. Default `SMARTCAR_ORIGINS` (Smartcar's hosts); entries here win over `emulatorOrigin`. */
  origins?: Partial<SmartcarOrigins>;
  /** Points all four origins at one emulator, e.g. `'http://localhost:4010'`. */
  emulatorOrigin?: string;
  /**
   * Sends every request (the token request included) through this `fetch`
   * instead of the default transport, e.g. an in-process emulator's `fetch`
   * in tests, or `globalThis.fetch`. Default none: requests go out over
   * `node:http`/`node:https` with keep-alive agents shared by all clients
   * (idle sockets closed after 4 s), which costs the client far less per
   * call than Node 20's global `fetch` (README, Overhead). Either way an
   * attempt's body is read to the end within `timeout`; the default
   * transport follows no redirects.
   */
  fetch?: typeof fetch;
  /** Clock for token expiry and `retry-after` dates. Default `Date.now`. */
  clock?: Clock;
  /** Waits between retries, in ms. Default a `setTimeout` promise. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of retry jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Timeout of one attempt, in ms (connect, headers and body). Default 60 000. */
  timeout?: number;
  /** Retries of idempotent calls after the first attempt. Default 2. */
  maxRetries?: number;
  /** How long before expiry the cached token is renewed, in ms. Default 300 000 (5 min). */
  tokenRefreshMargin?: number;
  /** `User-Agent` header. Default `paddock-sdk/<version>`. */
  userAgent?: string;
  /**
   * Timeout of one vehicle command attempt, in ms. A long-running command is
   * answered `202` and its final result arrives on the same response, which can
   * take minutes. Default 310 000 (the official SDK's), per call `timeout` wins.
   */
  commandTimeout?: number;
  /** `sc-unit-system` of signal reads when a call does not say. Default none (Smartcar's `metric`). */
  unitSystem?: UnitSystem;
  /**
   * Application Management Token: the key of webhook signatures and of the
   * VERIFY challenge. Only `client.webhooks.verify()`, `.unwrap()` and
   * `.answerChallenge()` use it; never sent, never logged.
   */
  managementToken?: string;
}

/** `sc-unit-system`: metric (Smartcar's default) or imperial units in signal bodies. */
export type UnitSystem = 'metric' | 'imperial';

/** Per-call options accepted by every resource method. */
export interface RequestOptions {
  /**
   * Smartcar user id (Connect's `user_id`), sent as the `sc-user-id` header.
   * Required by signals, commands and charge schedules; a `forUser()` view binds it.
   */
  userId?: string;
  /** `sc-unit-system` of this call (signals). Default the client's `unitSystem`. */
  unitSystem?: UnitSystem;
  /** Aborts the call, including retries and the waits between them. */
  signal?: AbortSignal;
  /** Timeout of one attempt, in ms. Default the client's `timeout` (`commandTimeout` for commands). */
  timeout?: number;
  /** Retries after the first attempt. Default the client's `maxRetries`. */
  maxRetries?: number;
  /** Extra request headers; they override the SDK's own. */
  headers?: Record<string, string>;
  /**
   * Sent as `Idempotency-Key` and reused on every attempt; it lets non-idempotent
   * calls (commands, POSTs) be retried. Only safe where the server de-duplicates
   * by this key: Smartcar documents no idempotency key, so a retried command may
   * act twice. Without a key, a command is sent once.
   */
  idempotencyKey?: string;
}

export const SDK_VERSION = '0.1.0';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TOKEN_REFRESH_MARGIN_MS = 300_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 310_000;

export const systemClock: Clock = { now: () => Date.now() };
export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks a non-negative finite number option; caller mistakes are `TypeError`s. */
export function assertNonNegative(name: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative number, got ${String(value)}`);
  }
}

export function assertNonEmptyString(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string`);
  }
}
