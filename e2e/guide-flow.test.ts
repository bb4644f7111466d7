import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type Browser, browserAvailability, openBrowser } from './support/browser.js';
import { storedSmartcarUsers, vehiclesHeldByEmulator } from './support/emulator-view.js';
import { type Stack, startStack } from './support/stack.js';

const { available } = browserAvailability();

/** Walks from signing up in the app to the Connect grant page as a user would. */
async function connectUntilGrant(page: Page, stack: Stack, email: string): Promise<void> {
  // Connections belong to an app account: sign up first (it lands on /login).
  await page.goto(`${stack.appUrl}/signup`);
  await page.locator('input[name="email"]').fill(`app-${randomUUID()}@example.com`);
  await page.locator('input[name="password"]').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${stack.appUrl}/login`);
  await page.getByRole('link', { name: 'Connect your vehicle' }).click();
  await page.waitForURL((url) => url.origin === stack.emulatorUrl);
  await page.getByRole('button', { name: 'Tesla' }).click();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('any password at all');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Allow' }).waitFor();
}

describe.skipIf(!available)('the guide flow in Chromium, against npm start', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  test('Deny shows an access-denied page and stores nothing', async () => {
    const page = await browser.context.newPage();
    const before = storedSmartcarUsers(stack);
    await connectUntilGrant(page, stack, 'deny-me@example.com');
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL((url) => url.origin === stack.appUrl);
    expect(await page.locator('body').innerText()).toMatch(/denied/i);
    expect(storedSmartcarUsers(stack)).toBe(before);
    await page.goto(`${stack.appUrl}/vehicle`);
    expect(await page.locator('table tbody tr').count()).toBe(0);
    expect(await page.locator('body').innerText()).toMatch(/no vehicle|not connected|connect/i);
  });

  test('login, Connect, any email and password, Allow: /vehicle shows what the emulator holds', async () => {
    const page = await browser.context.newPage();
    await connectUntilGrant(page, stack, 'driver@example.com');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${stack.appUrl}/vehicle`);

    const held = await vehiclesHeldByEmulator(stack);
    expect(held).toHaveLength(await page.locator('table tbody tr').count());
    for (const vehicle of held) {
      const row = await page.locator('table tbody tr', { hasText: vehicle.id }).innerText();
      expect(row).toContain(vehicle.model);
      expect(row).toContain(String(vehicle.year));
      expect(row.toUpperCase()).toContain(vehicle.make.toUpperCase());
    }
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((v) => v.make === 'TESLA')).toBe(true);
  });

  test('3-vehicles@smartcar.com shows three vehicles in the table', async () => {
    const page = await browser.context.newPage();
    await connectUntilGrant(page, stack, '3-vehicles@smartcar.com');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${stack.appUrl}/vehicle`);
    expect(await page.locator('table tbody tr').count()).toBe(3);
  });
});
