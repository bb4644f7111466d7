import type { ConnectMode } from '@paddock/contract';
import { TokenCache } from './auth/token-cache.js';
import { buildTokenRequest, parseTokenResponse } from './auth/token-request.js';
import { buildConnectUrl, type ConnectUrlParams } from './connect-url.js';
import {
  assertNonEmptyString,
  assertNonNegative,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOKEN_REFRESH_MARGIN_MS,
  defaultSleep,
  SDK_VERSION,
  type SmartcarClientOptions,
  systemClock,
} from './core/options.js';
import { resolveOrigins } from './core/origins.js';
import type { RequestContext } from './core/request.js';
import { CONNECT_MODES } from './core/wire.js';
import { Applications } from './resources/applications.js';
import { ChargeSchedules } from './resources/charge-schedules.js';
import { Commands } from './resources/commands.js';
import { Connections } from './resources/connections.js';
import { Signals } from './resources/signals.js';
import { Subscriptions } from './resources/subscriptions.js';
import { Users } from './resources/users.js';
import { Vehicles } from './resources/vehicles.js';
import { Webhooks } from './resources/webhooks.js';
import type { Transport } from './transport/attempt.js';
import { fetchTransport } from './transport/fetch-with-timeout.js';
import { nodeHttpTransport } from './transport/node-http.js';
import { UserClient } from './user-client.js';

/**
 * Smartcar API v3 client: Connect URL, one cached application token, the
 * Vehicle API and the Management API as resources, and webhook receiving.
 * Reads no environment (see {@link SmartcarClient.fromEnv}).
 *
 * @example
 * const smartcar = new SmartcarClient({ clientId, clientSecret });
 * const soc = await smartcar.signals.retrieve(vehicleId, 'tractionbattery-stateofcharge', { userId });
 */
export class SmartcarClient {
  /** The application token: `get()` and `invalidate()`. */
  readonly tokens: TokenCache;
  /** `/v3/connections`: list, retrieve, delete. */
  readonly connections: Connections;
  /** `/v3/users/{id}`: delete. */
  readonly users: Users;
  /** `/v3/vehicles/{id}`: retrieve. */
  readonly vehicles: Vehicles;
  /** `/v3/vehicles/{id}/signals`: list, retrieve (typed per code). Needs `userId`. */
  readonly signals: Signals;
  /** `/v3/vehicles/{id}/commands/…`: the eight commands and retrieve. Needs `userId`. */
  readonly commands: Commands;
  /** `/v3/vehicles/{id}/charge-schedules/…`: daily, weekly, workweek, delete. Needs `userId`. */
  readonly chargeSchedules: ChargeSchedules;
  /** Management API `/v3/webhooks` (list, retrieve), and `verify`/`unwrap`/`answerChallenge` for deliveries. */
  readonly webhooks: Webhooks;
  /** Management API `/v3/subscriptions`: list, retrieve, create, delete. */
  readonly subscriptions: Subscriptions;
  /** Management API `/v3/applications`: list, retrieve. */
  readonly applications: Applications;
  readonly #options: SmartcarClientOptions;
  readonly #ctx: RequestContext;

  /** Set only while `withOptions()` constructs a sibling that shares this token. */
  static #sharedTokens: TokenCache | undefined;

  constructor(options: SmartcarClientOptions) {
    if (typeof options !== 'object' || options === null)
      throw new TypeError('SmartcarClient needs an options object');
    assertNonEmptyString('clientId', options.clientId);
    assertNonEmptyString('clientSecret', options.clientSecret);
    if (options.mode !== undefined && !(CONNECT_MODES as readonly string[]).includes(options.mode)) {
      throw new TypeError(
        `mode must be one of ${CONNECT_MODES.join(', ')}, got ${JSON.stringify(options.mode)}`,
      );
    }
    assertNonNegative('timeout', options.timeout);
    assertNonNegative('maxRetries', options.maxRetries);
    assertNonNegative('tokenRefreshMargin', options.tokenRefreshMargin);
    assertNonNegative('commandTimeout', options.commandTimeout);
    if (
      options.unitSystem !== undefined &&
      options.unitSystem !== 'metric' &&
      options.unitSystem !== 'imperial'
    ) {
      throw new TypeError(
        `unitSystem must be 'metric' or 'imperial', got ${JSON.stringify(options.unitSystem)}`,
      );
    }
    if (options.managementToken !== undefined)
      assertNonEmptyString('managementToken', options.managementToken);
    this.#options = { ...options };

    const origins = resolveOrigins(options.origins, options.emulatorOrigin);
    // The token request and every API call go the same way.
    const send: Transport = options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport;
    const clock = options.clock ?? systemClock;
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    const userAgent = options.userAgent ?? `paddock-sdk/${SDK_VERSION}`;

    this.tokens =
      SmartcarClient.#sharedTokens ??
      new TokenCache({
        clock,
        refreshMargin: options.tokenRefreshMargin ?? DEFAULT_TOKEN_REFRESH_MARGIN_MS,
        issue: async () => {
          const { url, init } = buildTokenRequest({
            iamOrigin: origins.iam,
            clientId: options.clientId,
            clientSecret: options.clientSecret,
            userAgent,
          });
          const res = await send(url, init, { timeout });
          return parseTokenResponse(res, clock.now());
        },
      });

    this.#ctx = {
      origins,
      tokens: this.tokens,
      send,
      clock,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      timeout,
      commandTimeout: options.commandTimeout ?? DEFAULT_COMMAND_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      userAgent,
      unitSystem: options.unitSystem,
    };
    this.connections = new Connections(this.#ctx);
    this.users = new Users(this.#ctx);
    this.vehicles = new Vehicles(this.#ctx);
    this.signals = new Signals(this.#ctx);
    this.commands = new Commands(this.#ctx);
    this.chargeSchedules = new ChargeSchedules(this.#ctx);
    this.webhooks = new Webhooks(this.#ctx, options.managementToken);
    this.subscriptions = new Subscriptions(this.#ctx);
    this.applications = new Applications(this.#ctx);
  }

  /**
   * A view of this client whose calls act for one user: each sends `userId`
   * as `sc-user-id` (a call's own `userId` still wins) and `connections.list()`
   * filters on it. Shares this client's token and options.
   * @throws TypeError for an empty userId
   */
  forUser(userId: string): UserClient {
    assertNonEmptyString('userId', userId);
    return new UserClient({ ...this.#ctx, userId });
  }

  /**
   * A client from the getting-started guide's variables `SMARTCAR_CLIENT_ID`,
   * `SMARTCAR_CLIENT_SECRET` (both required) and `SMARTCAR_REDIRECT_URI`, plus
   * the optional `SMARTCAR_MODE` (`live`, `simulated`, `test`) and
   * `SMARTCAR_MANAGEMENT_TOKEN` (for webhooks). The only place the SDK reads
   * the environment; `overrides` win over it.
   * @param env default `process.env`
   * @throws TypeError naming every missing or bad variable
   */
  static fromEnv(
    env: Record<string, string | undefined> = process.env,
    overrides: Partial<SmartcarClientOptions> = {},
  ): SmartcarClient {
    const missing = ['SMARTCAR_CLIENT_ID', 'SMARTCAR_CLIENT_SECRET'].filter((name) => !env[name]);
    if (missing.length > 0) throw new TypeError(`Missing environment variable(s): ${missing.join(', ')}`);
    const mode = env.SMARTCAR_MODE || undefined;
    if (mode !== undefined && !(CONNECT_MODES as readonly string[]).includes(mode)) {
      throw new TypeError(
        `SMARTCAR_MODE must be one of ${CONNECT_MODES.join(', ')}, got ${JSON.stringify(mode)}`,
      );
    }
    return new SmartcarClient({
      clientId: env.SMARTCAR_CLIENT_ID as string,
      clientSecret: env.SMARTCAR_CLIENT_SECRET as string,
      redirectUri: env.SMARTCAR_REDIRECT_URI || undefined,
      mode: mode as ConnectMode | undefined,
      managementToken: env.SMARTCAR_MANAGEMENT_TOKEN || undefined,
      ...overrides,
    });
  }

  /** The Connect URL for this application; `redirectUri` and `mode` default to the client's. */
  buildConnectUrl(params: ConnectUrlParams = {}): string {
    return buildConnectUrl({
      ...params,
      clientId: this.#options.clientId,
      connectOrigin: this.#ctx.origins.connect,
      redirectUri: params.redirectUri ?? this.#options.redirectUri,
      mode: params.mode ?? this.#options.mode ?? 'live',
    });
  }

  /**
   * A client with some options changed, e.g. `withOptions({ maxRetries: 5 })`.
   * It shares this client's token while the credentials, IAM origin, `fetch`,
   * clock and refresh margin stay the same.
   */
  withOptions(overrides: Partial<SmartcarClientOptions>): SmartcarClient {
    const next: SmartcarClientOptions = { ...this.#options, ...overrides };
    const sameToken =
      next.clientId === this.#options.clientId &&
      next.clientSecret === this.#options.clientSecret &&
      resolveOrigins(next.origins, next.emulatorOrigin).iam === this.#ctx.origins.iam &&
      next.fetch === this.#options.fetch &&
      next.clock === this.#options.clock &&
      next.tokenRefreshMargin === this.#options.tokenRefreshMargin;
    SmartcarClient.#sharedTokens = sameToken ? this.tokens : undefined;
    try {
      return new SmartcarClient(next);
    } finally {
      SmartcarClient.#sharedTokens = undefined;
    }
  }
}
