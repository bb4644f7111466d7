import { createEmulator, createManualClock, generateDevelopmentCredentials } from '@paddock/emulator';
import { SmartcarClient } from '@paddock/sdk';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import type { Database } from '../../src/db/tables.js';
import type { SignInLimits } from '../../src/features/accounts/sign-in-limiter.js';
import type { AppEnv } from '../../src/http/context.js';
import type { AppLogger } from '../../src/logger.js';
import { createScryptHasher, type PasswordHasher } from '../../src/security/password-hasher.js';
import { CookieJar } from './cookie-jar.js';
import { connectHref, csrfTokenIn } from './html.js';
import { createTestDatabase, type TestDialect } from './test-database.js';

/** Where the SDK believes the emulator is; `emulator.fetch` answers any absolute URL in process. */
export const EMULATOR_ORIGIN = 'http://localhost:4010';
export const REDIRECT_URI = 'http://localhost:8000/exchange';

/**
 * The app's SDK client pointed at the in-process emulator. Retries are off
 * unless asked for: `'sdk-default'` keeps the SDK's own policy (with no real
 * waiting), to test what production does.
 */
export function testSmartcarClient(o: {
  credentials: { clientId: string; clientSecret: string };
  mode: AppConfig['mode'];
  fetch: typeof fetch;
  clock: { now(): number };
  maxRetries?: number | 'sdk-default';
}): SmartcarClient {
  return new SmartcarClient({
    clientId: o.credentials.clientId,
    clientSecret: o.credentials.clientSecret,
    redirectUri: REDIRECT_URI,
    mode: o.mode,
    emulatorOrigin: EMULATOR_ORIGIN,
    fetch: o.fetch,
    clock: o.clock,
    ...(o.maxRetries === 'sdk-default' ? { sleep: async () => {} } : { maxRetries: o.maxRetries ?? 0 }),
  });
}
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
  /** Replaces the (cheap) test password hasher, e.g. with a spy. */
  readonly passwordHasher?: PasswordHasher;
  readonly signInLimits?: SignInLimits;
}

/** Real scrypt with a small cost: the same code path, a thousandth of the time. */
export const testHasher = (): PasswordHasher => createScryptHasher({ cost: 2 ** 10 });
/** The password every test account gets unless a test says otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple';

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
  const smartcar = testSmartcarClient({
    credentials,
    mode: config.mode,
    fetch: options.fetch ?? emulator.fetch,
    clock,
  });
  const db = await createTestDatabase(options.dialect ?? 'sqlite');
  const app = createApp({
    config,
    db,
    smartcar,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.smartcarDeadlineMs ? { smartcarDeadlineMs: options.smartcarDeadlineMs } : {}),
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
    passwordHasher: options.passwordHasher ?? testHasher(),
  });
  let accounts = 0;

  return {
    app,
    db,
    clock,
    emulator,
    credentials,
    smartcar,
    /** A new browser with its own cookies, signed out. */
    browser: () => new TestBrowser(app),
    /** A new browser that has just signed up (a fresh email unless one is given). */
    async signedIn(email = `driver-${++accounts}@example.com`): Promise<TestBrowser> {
      const browser = new TestBrowser(app);
      const response = await browser.signUp(email, TEST_PASSWORD);
      expect(response.status).toBe(303);
      return browser;
    },
    /** Rows in `smartcar_users`: what /exchange stored. */
    storedUsers: () => countRows(db, 'smartcar_users'),
    /**
     * Creates a Smartcar user with vehicles in the emulator, as Connect would
     * after Allow; `from` is the Connect URL the app built (its `external_id`
     * goes on the connections, as Connect stores it).
     */
    connectInEmulator: (email: string, from?: URL) =>
      emulatorConnect(emulator.fetch, credentials.clientId, email, from?.searchParams.get('external_id')),
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

  /**
   * Opens `page`, takes the CSRF token of its form, and posts `fields` with it
   * to `action` (default: the page itself).
   */
  async submit(
    page: string,
    fields: Record<string, string>,
    action = page,
    init: RequestInit = {},
  ): Promise<Response> {
    const token = csrfTokenIn(await (await this.get(page)).text());
    return this.post(action, { _csrf: token, ...fields }, init);
  }

  /** Posts a form as is: no token is added. */
  post(path: string, fields: Record<string, string>, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    return this.get(path, { ...init, method: 'POST', headers, body: new URLSearchParams(fields).toString() });
  }

  signUp(email: string, password: string): Promise<Response> {
    return this.submit('/signup', { email, password });
  }

  /** Signs in; `init` goes with the POST (e.g. an `x-forwarded-for` header). */
  signIn(email: string, password: string, init: RequestInit = {}): Promise<Response> {
    return this.submit('/signin', { email, password }, '/signin', init);
  }

  /** Signs out with the token of the header's form on `page` (default /login). */
  signOut(page = '/login'): Promise<Response> {
    return this.submit(page, {}, '/signout');
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
  externalId: string | null | undefined,
): Promise<{ userId: string; vehicleIds: string[] }> {
  const response = await emulatorFetch(`${EMULATOR_ORIGIN}/_emulator/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId,
      email,
      permissions: ['read_vehicle_info'],
      mode: 'simulated',
      ...(externalId ? { externalId } : {}),
    }),
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
