import { PERMISSIONS } from '@paddock/contract';
import {
  type ApplicationSeed,
  createEmulator,
  createManualClock,
  developmentWebhook,
  type Emulator,
  generateDevelopmentCredentials,
  type ManualClock,
} from '@paddock/emulator';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/tables.js';
import type { LiveHub } from '../../src/features/live/live-hub.js';
import type { AppEnv } from '../../src/http/context.js';
import type { AppLogger } from '../../src/logger.js';
import {
  EMULATOR_ORIGIN,
  REDIRECT_URI,
  TEST_PASSWORD,
  TestBrowser,
  testHasher,
  testSmartcarClient,
} from './harness.js';
import { createTestDatabase, type TestDialect } from './test-database.js';

export const WEBHOOK_URL = 'http://localhost:8000/webhooks/smartcar';
/** A Connect login with one battery-electric vehicle. */
export const BEV_LOGIN = '5YJ3E1EA7KF317000@bev.smartcar.com';
/** Every permission, so signals and commands are readable. */
export const ALL_PERMISSIONS = [...PERMISSIONS];

export interface DashboardHarnessOptions {
  readonly dialect?: TestDialect;
  /** A SQLite file instead of the dialect's test database (restart tests). */
  readonly sqliteFile?: string;
  /** Replaces the SDK's fetch (default: the emulator's in-process fetch). */
  readonly fetch?: typeof fetch;
  readonly live?: LiveHub;
  readonly commandWaitMs?: number;
  /** Deadline of the Smartcar calls behind one page, in ms. */
  readonly smartcarDeadlineMs?: number;
  readonly logger?: AppLogger;
  /** Register the development webhook and give the app its id and token (default true). */
  readonly webhooks?: boolean;
  readonly config?: Partial<AppConfig>;
  /** Reuse this emulator (and its clock) instead of making one: a second app against the same Smartcar. */
  readonly reuse?: SharedSmartcar;
  /**
   * The SDK's retries. Default 0 (each Smartcar call once); `'sdk-default'`
   * keeps the SDK's own default, as `main.ts` does, with no wait between attempts.
   */
  readonly maxRetries?: number | 'sdk-default';
}

/** The Smartcar side of a harness, which a second app (a restart) can share. */
export interface SharedSmartcar {
  readonly emulator: Emulator;
  readonly clock: ManualClock;
  readonly credentials: ApplicationSeed;
  readonly webhookId: string | undefined;
}

/**
 * The app wired as `npm start` wires it, in process: every permission
 * requested, the emulator's development webhook delivering to `app.request`,
 * and its id and management token in the app's config.
 */
export async function createDashboardHarness(options: DashboardHarnessOptions = {}) {
  const clock: ManualClock = options.reuse?.clock ?? createManualClock(Date.UTC(2026, 10, 28, 9, 0, 0));
  const credentials = options.reuse?.credentials ?? generateDevelopmentCredentials([REDIRECT_URI]);
  const target: { app?: Hono<AppEnv> } = {};
  const emulator =
    options.reuse?.emulator ??
    createEmulator({
      clock,
      applications: [credentials],
      // Deliveries go to whichever app is current (a restarted one replaces the first).
      fetch: async (url, init) =>
        target.app ? target.app.request(url, init) : Promise.reject(new Error('app down')),
    });
  const webhookId: string | undefined =
    options.reuse?.webhookId ??
    (options.webhooks === false
      ? undefined
      : emulator.registerWebhook(developmentWebhook(credentials.clientId, WEBHOOK_URL)).id);
  const config: AppConfig = {
    mode: 'simulated',
    scope: ALL_PERMISSIONS.map((permission) => ({ permission, required: false })),
    trustProxy: false,
    ...(webhookId === undefined ? {} : { webhookId, managementToken: credentials.managementToken }),
    ...options.config,
  };
  const smartcar = testSmartcarClient({
    credentials,
    mode: config.mode,
    fetch: options.fetch ?? emulator.fetch,
    clock,
    maxRetries: options.maxRetries,
  });
  let db: Kysely<Database>;
  if (options.sqliteFile) {
    db = createDatabase({ url: options.sqliteFile });
    await migrateToLatest(db);
  } else db = await createTestDatabase(options.dialect ?? 'sqlite');
  const app = createApp({
    config,
    db,
    smartcar,
    clock,
    passwordHasher: testHasher(),
    ...(options.live ? { live: options.live } : {}),
    ...(options.commandWaitMs === undefined ? {} : { commandWaitMs: options.commandWaitMs }),
    ...(options.smartcarDeadlineMs === undefined ? {} : { smartcarDeadlineMs: options.smartcarDeadlineMs }),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  target.app = app;
  if (webhookId !== undefined && !options.reuse) {
    // The first VERIFY went out before the app existed; answer a fresh one.
    await emulator.webhooks.settle();
    emulator.webhooks.verify(webhookId);
    await emulator.webhooks.settle();
  }
  let accounts = 0;

  const harness = {
    app,
    db,
    clock,
    emulator,
    credentials,
    webhookId,
    smartcar,
    /** A new browser that has just signed up. */
    async signedIn(email = `owner-${++accounts}-${Math.random().toString(36).slice(2)}@example.com`) {
      const browser = new TestBrowser(app);
      const response = await browser.signUp(email, TEST_PASSWORD);
      expect(response.status).toBe(303);
      return browser;
    },
    /**
     * Connects the vehicles of a Connect login to the browser's account with
     * every permission, as Connect + Allow + /exchange would.
     */
    async connect(browser: TestBrowser, email: string, permissions: readonly string[] = ALL_PERMISSIONS) {
      const url = await browser.startConnect();
      const state = url.searchParams.get('state')!;
      const externalId = url.searchParams.get('external_id')!;
      const response = await emulator.fetch(`${EMULATOR_ORIGIN}/_emulator/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: credentials.clientId,
          email,
          permissions,
          mode: 'simulated',
          externalId,
        }),
      });
      if (!response.ok) throw new Error(`/_emulator/connect: ${response.status} ${await response.text()}`);
      const { userId, vehicleIds } = (await response.json()) as { userId: string; vehicleIds: string[] };
      expect((await browser.exchange({ user_id: userId, state })).status).toBe(303);
      return { userId, vehicleIds };
    },
    /** Lets the emulator send what changed and waits for the deliveries to be answered. */
    async deliver(vehicleId?: string) {
      emulator.webhooks.checkTriggers(vehicleId);
      await emulator.webhooks.settle();
    },
    /** Drives the emulator's control surface. */
    async control(path: string, body: unknown = {}, method = 'POST') {
      const response = await emulator.fetch(`${EMULATOR_ORIGIN}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<unknown>;
    },
    close: () => db.destroy(),
  };
  return harness;
}

export type DashboardHarness = Awaited<ReturnType<typeof createDashboardHarness>>;

/** Polls `check` until it returns true (at most ~2 s): background work ends on its own schedule. */
export async function eventually(check: () => Promise<boolean> | boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
