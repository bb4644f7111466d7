import type { Clock } from '../core/options.js';
import type { IssuedToken } from './token-request.js';

/** What a {@link TokenCache} needs: how to get a token, the clock, and when to renew. */
export interface TokenCacheOptions {
  /** Fetches a new token from the IAM endpoint. */
  issue: () => Promise<IssuedToken>;
  clock: Clock;
  /** Renew this many ms before expiry (the client's default is 300 000, capped at half the lifetime). */
  refreshMargin: number;
}

interface CachedToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms from which the token is renewed. */
  renewAt: number;
}

/**
 * Holds the one application token of a process. Concurrent `get()`s share a
 * single in-flight request; the token is renewed once `now >= expiresAt - margin`;
 * `invalidate()` drops it after the API rejected it.
 */
export class TokenCache {
  readonly #options: TokenCacheOptions;
  #current: CachedToken | undefined;
  #inFlight: Promise<string> | undefined;

  constructor(options: TokenCacheOptions) {
    this.#options = options;
  }

  /** A valid bearer token, from the cache or from one shared request. */
  get(): Promise<string> {
    const current = this.#current;
    if (current && this.#options.clock.now() < current.renewAt) return Promise.resolve(current.token);
    this.#inFlight ??= this.#issue().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /**
   * Drops the cached token. Given the token a 401 came back for, it only drops
   * that one, so a burst of 401s on one stale token triggers one renewal.
   */
  invalidate(token?: string): void {
    if (token === undefined || this.#current?.token === token) this.#current = undefined;
  }

  async #issue(): Promise<string> {
    // Expiry counts from when the request left: the server's clock started no later.
    const startedAt = this.#options.clock.now();
    const issued = await this.#options.issue();
    const lifetimeMs = issued.expiresIn * 1000;
    // A margin as long as the lifetime would renew on every call; keep at least half of it.
    const margin = Math.min(this.#options.refreshMargin, lifetimeMs / 2);
    this.#current = {
      token: issued.accessToken,
      expiresAt: startedAt + lifetimeMs,
      renewAt: startedAt + lifetimeMs - margin,
    };
    return issued.accessToken;
  }
}
