import { CONNECT_MODES, type ConnectMode } from '@paddock/contract';
import { TokenCache } from './auth/token-cache.js';
import { buildTokenRequest, parseTokenResponse } from './auth/token-request.js';
import { buildConnectUrl, type ConnectUrlParams } from './connect-url.js';
import {
  assertNonEmptyString,
  assertNonNegative,
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
import { Connections } from './resources/connections.js';
import { Vehicles } from './resources/vehicles.js';
import { fetchWithTimeout } from './transport/fetch-with-timeout.js';

/**
 * Smartcar API v3 client: Connect URL, one cached application token, and the
 * Vehicle API as resources. Reads no environment (see {@link SmartcarClient.fromEnv}).
 */
export class SmartcarClient {
  /** The application token: `get()` and `invalidate()`. */
  readonly tokens: TokenCache;
  readonly connections: Connections;
  readonly vehicles: Vehicles;
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
    this.#options = { ...options };

    const origins = resolveOrigins(options.origins, options.emulatorOrigin);
    const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
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
          const res = await fetchWithTimeout(url, init, { fetch: fetchImpl, timeout });
          return parseTokenResponse(res, clock.now());
        },
      });

    this.#ctx = {
      origins,
      tokens: this.tokens,
      fetch: fetchImpl,
      clock,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      timeout,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      userAgent,
    };
    this.connections = new Connections(this.#ctx);
    this.vehicles = new Vehicles(this.#ctx);
  }

  /**
   * A client from `SMARTCAR_CLIENT_ID`, `SMARTCAR_CLIENT_SECRET`,
   * `SMARTCAR_REDIRECT_URI` and `SMARTCAR_MODE` — the getting-started guide's
   * names. The only place the SDK reads the environment.
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
   * A client with some options changed. It shares this client's token while
   * the credentials, IAM origin, `fetch` and clock stay the same.
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
