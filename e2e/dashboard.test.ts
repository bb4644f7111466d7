import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Browser, browserAvailability, openBrowser } from './support/browser.js';
import { ROOT, type Stack, startStack } from './support/stack.js';

const { available } = browserAvailability();

const BEV_LOGIN = '5YJ3E1EA7KF317000@bev.smartcar.com';
const FUEL_LOGIN = '1FAHP3F28CL148530@fuel.smartcar.com';
// The README's screenshots are refreshed on purpose (`npm run screenshots`);
// an ordinary test run writes its own where git does not look.
const SHOTS =
  process.env.PADDOCK_UPDATE_SCREENSHOTS === '1'
    ? join(ROOT, 'docs')
    : join(ROOT, 'test-results', 'screenshots');
const PASSWORD = 'a long enough password';

/** From the app's Connect page through the emulator's pages (brand, login, Allow) back to /vehicle. */
async function connect(page: Page, stack: Stack, brand: string, login: string): Promise<void> {
  await page.goto(`${stack.appUrl}/login`);
  await page.getByRole('link', { name: 'Connect your vehicle' }).click();
  await page.waitForURL((url) => url.origin === stack.emulatorUrl);
  await page.getByRole('button', { name: brand }).click();
  await page.locator('input[name="email"]').fill(login);
  await page.locator('input[name="password"]').fill('any password at all');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(`${stack.appUrl}/vehicle`);
}

/** Calls the emulator's control API, as a test harness (or a person with curl) would. */
async function control(stack: Stack, path: string, body: unknown, method = 'POST'): Promise<void> {
  const response = await fetch(`${stack.emulatorUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

/** The state of charge the open page's gauge shows, from its accessible label. */
async function gaugePercent(page: Page, vehicleId: string): Promise<number | undefined> {
  const label = await page.locator(`#summary-${vehicleId} svg.gauge`).getAttribute('aria-label');
  const match = label?.match(/(\d+) %/);
  return match ? Number(match[1]) : undefined;
}

/** Elements that stick out past the right edge of the viewport (a phone would scroll sideways). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll'))
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
      )
      .slice(0, 10);
  });
}

describe.skipIf(!available)('the vehicle dashboard in Chromium, against npm start', () => {
  let stack: Stack;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    // No SMARTCAR_SCOPE: the default of npm start must be enough for every card and command.
    stack = await startStack();
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await stack?.stop();
  });

  test('sign up, connect two vehicles, lock one, watch a charge rise live, disconnect one, see the other from a fresh browser', async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const email = `dashboard-${randomUUID()}@example.com`;

    await page.goto(`${stack.appUrl}/signup`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${stack.appUrl}/login`);

    // Two Connect logins, one vehicle each: a battery-electric Tesla and a petrol Ford.
    await connect(page, stack, 'Tesla', BEV_LOGIN);
    await connect(page, stack, 'Ford', FUEL_LOGIN);
    const cards = page.locator('article.card');
    await expect.poll(() => cards.count()).toBe(2);
    const bevCard = cards.filter({ has: page.locator('svg.silhouette[aria-label*="(BEV)"]') });
    const iceCard = cards.filter({ has: page.locator('svg.silhouette[aria-label*="(ICE)"]') });
    const bev = (await bevCard.getAttribute('data-vehicle-id'))!;
    const ice = (await iceCard.getAttribute('data-vehicle-id'))!;
    // Both with signals: a gauge with a level and the facts people check.
    expect(await bevCard.locator('svg.gauge').getAttribute('aria-label')).toMatch(/^Battery \d+ %/);
    expect(await iceCard.locator('svg.gauge').getAttribute('aria-label')).toMatch(/^Fuel \d+ %/);
    expect(await bevCard.locator('dl.facts').innerText()).toMatch(/Odometer\s+[\d,]+ km/);
    expect(await iceCard.locator('dl.facts').innerText()).toMatch(/Doors locked\s+(Locked|Unlocked)/);
    await page.screenshot({ path: join(SHOTS, 'dashboard-desktop.png'), fullPage: true });

    // Lock the Ford (unlock first, so the change is visible) and see it locked.
    await page.goto(`${stack.appUrl}/vehicles/${ice}`);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => page.locator('.flash').innerText()).toBe('Unlocked.');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect.poll(() => page.locator('.flash').innerText()).toBe('Locked.');
    await expect
      .poll(() => page.locator(`#summary-${ice} [data-code="closure-islocked"] dd`).innerText(), {
        timeout: 10_000,
      })
      .toMatch(/^Locked/);
    expect(await page.locator(`#commands-${ice} li`).first().getAttribute('data-status')).toBe('SUCCEEDED');

    // The Tesla's page stays open while the emulator charges it for an hour.
    await page.goto(`${stack.appUrl}/vehicles/${bev}`);
    await expect.poll(() => page.locator('[data-live-src]').getAttribute('data-live-state')).toBe('open');
    await control(
      stack,
      `/_emulator/vehicles/${bev}/signals/tractionbattery-stateofcharge`,
      { value: 40, unit: 'percent' },
      'PUT',
    );
    await expect.poll(() => gaugePercent(page, bev), { timeout: 10_000 }).toBe(40);
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await control(stack, `/_emulator/vehicles/${bev}/plug-in`, { powerKw: 11 });
    await control(stack, '/_emulator/clock', { action: 'advance', ms: 60 * 60 * 1000 });
    await expect.poll(() => gaugePercent(page, bev), { timeout: 15_000 }).toBeGreaterThan(50);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await page.screenshot({ path: join(SHOTS, 'vehicle-desktop.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'vehicle-phone.png'), fullPage: true });
    await page.goto(`${stack.appUrl}/vehicle`);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'dashboard-phone.png'), fullPage: true });

    // Smartcar reports a problem with the Tesla (a VEHICLE_ERROR webhook): its open page shows
    // it without a reload, with what to do, and drops it once it is reported resolved.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${stack.appUrl}/vehicles/${bev}`);
    await expect.poll(() => page.locator('[data-live-src]').getAttribute('data-live-state')).toBe('open');
    const problems = page.locator(`#problems-${bev}`);
    expect(await problems.innerText()).toBe('');
    const reported = {
      type: 'CONNECTED_SERVICES_ACCOUNT',
      code: 'AUTHENTICATION_FAILED',
      resolution: 'REAUTHENTICATE',
      suggestedUserMessage: 'Sign in to your Tesla account again.',
    };
    await control(stack, `/_emulator/vehicles/${bev}/errors`, reported);
    await expect
      .poll(() => problems.innerText(), { timeout: 10_000 })
      .toContain('Sign in to your Tesla account again.');
    expect(
      await problems.getByRole('link', { name: 'Connect your vehicle again' }).getAttribute('href'),
    ).toBe('/login');
    await page.screenshot({ path: join(SHOTS, 'vehicle-problem.png') });
    await control(stack, `/_emulator/vehicles/${bev}/errors`, { ...reported, state: 'RESOLVED' });
    await expect.poll(() => problems.innerText(), { timeout: 10_000 }).toBe('');

    // Disconnect the Ford: a confirmation page, then back to a dashboard with one vehicle.
    await page.goto(`${stack.appUrl}/vehicles/${ice}`);
    await page.getByRole('link', { name: 'Disconnect this vehicle from Paddock' }).click();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.waitForURL(`${stack.appUrl}/vehicle`);
    expect(await page.locator('.flash').innerText()).toMatch(/was disconnected\.$/);
    expect(await page.locator('article.card').count()).toBe(1);

    // Another browser, signing in to the same account, sees the Tesla only.
    const fresh = await openBrowser();
    browsers.push(fresh);
    const other = await fresh.context.newPage();
    await other.goto(`${stack.appUrl}/signin`);
    await other.locator('input[name="email"]').fill(email);
    await other.locator('input[name="password"]').fill(PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.waitForURL(`${stack.appUrl}/vehicle`);
    const remaining = other.locator('article.card');
    expect(await remaining.count()).toBe(1);
    expect(await remaining.getAttribute('data-vehicle-id')).toBe(bev);
  });
});
