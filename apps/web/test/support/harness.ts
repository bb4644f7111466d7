import { createEmulator, createManualClock, generateDevelopmentCredentials } from '@paddock/emulator';
import { SmartcarClient } from '@paddock/sdk';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import type { Database } from '../../src/db/tables.js';
import type { AppEnv } from '../../src/http/context.js';
import type { AppLogger } from '../../src/logger.js';
import { CookieJar } from './cookie-jar.js';
import { connectHref } from './html.js';
import { createTestDatabase, type TestDialect } from './test-database.js';

/** Where the SDK believes the emulator is; `emulator.fetch` answers any absolute URL in process. */
export const EMULATOR_ORIGIN = 'http://localhost:4010';
export const REDIRECT_URI = 'http://localhost:8000/exchange';
const APP_ORIGIN = 'http://localhost:8000';

export interface HarnessOptions {
  /** The database engine; default SQLite `:memory:`. */
  readonly dialect?: TestDialect;
  readonly config?: Partial<AppConfig>;
  /** Replaces the SDK's fetch (which defaults to the emulator's in-process fetch). */
  readonly fetch?: typeof fetch;
  readonly logger?: AppLogger;
  /** Overall deadline of a page's Smartcar calls, in ms (the app's default when absent). */
  readonly smartcarDeadlineMs?: number;
}

/**
 * The app on a fresh test database (SQLite `:memory:` or this file's
 * PostgreSQL schema), its SDK talking to an in-process emulator, one manual
 * clock for both.
 */
export async function createHarness(options: HarnessOptions = {}) {
  const clock = createManualClock(Date.UTC(2026, 10, 28, 9, 0, 0));
  const credentials = generateDevelopmentCredentials([REDIRECT_URI]);
  const emulator = createEmulator({ clock, applications: [credentials] });
  const config: AppConfig = {
    mode: 'simulated',
    scope: [{ permission: 'read_vehicle_info', required: false }],
    trustProxy: false,
    ...options.config,
  };
  const smartcar = new SmartcarClient({
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    redirectUri: REDIRECT_URI,
    mode: config.mode,
    emulatorOrigin: EMULATOR_ORIGIN,
    fetch: options.fetch ?? emulator.fetch,
    clock,
    maxRetries: 0,
  });
  const db = await createTestDatabase(options.dialect ?? 'sqlite');
  const app = createApp({
    config,
    db,
    smartcar,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.smartcarDeadlineMs ? { smartcarDeadlineMs: options.smartcarDeadlineMs } : {}),
  });

  return {
    app,
    db,
    clock,
    emulator,
    credentials,
    smartcar,
    /** A new browser with its own cookies. */
    browser: () => new TestBrowser(app),
    /** Rows in `smartcar_users`: what /exchange stored. */
    storedUsers: () => countRows(db, 'smartcar_users'),
    /** Creates a Smartcar user with vehicles in the emulator, as Connect would after Allow. */
    connectInEmulator: (email: string) => emulatorConnect(emulator.fetch, credentials.clientId, email),
    close: () => db.destroy(),
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A browser: a cookie jar in front of `app.request()`. Redirects are not followed. */
export class TestBrowser {
  readonly jar = new CookieJar();
  constructor(private readonly app: Hono<AppEnv>) {}

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await this.app.request(new URL(path, APP_ORIGIN).href, this.jar.apply(init));
    this.jar.store(response);
    return response;
  }

  /** Opens /login and reads the Connect button's URL. */
  async startConnect(): Promise<URL> {
    const response = await this.get('/login');
    expect(response.status).toBe(200);
    return connectHref(await response.text());
  }

  /** Comes back to /exchange as Connect's redirect would, with the given query. */
  exchange(query: Record<string, string>): Promise<Response> {
    return this.get(`/exchange?${new URLSearchParams(query)}`);
  }
}

async function emulatorConnect(
  emulatorFetch: typeof fetch,
  clientId: string,
  email: string,
): Promise<{ userId: string; vehicleIds: string[] }> {
  const response = await emulatorFetch(`${EMULATOR_ORIGIN}/_emulator/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, email, permissions: ['read_vehicle_info'], mode: 'simulated' }),
  });
  if (!response.ok)
    throw new Error(`/_emulator/connect answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { userId: string; vehicleIds: string[] };
}

async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
