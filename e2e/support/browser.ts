import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.PADDOCK_CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's
// hosts, which a closed network refuses many times a second.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether browser tests can run. Where Chromium is missing they skip and say
 * so, unless PADDOCK_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
 */
export function browserAvailability(): { available: boolean; reason: string } {
  if (existsSync(CHROMIUM_PATH)) return { available: true, reason: '' };
  const reason = `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium, or set PADDOCK_CHROMIUM_PATH)`;
  if (process.env.PADDOCK_REQUIRE_BROWSER === '1') {
    throw new Error(`PADDOCK_REQUIRE_BROWSER=1 but ${reason}`);
  }
  console.warn(`[e2e] SKIPPING browser tests: ${reason}`);
  return { available: false, reason };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser profile: no cookies, no cache, nothing shared with other tests. */
export async function openBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'paddock-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
