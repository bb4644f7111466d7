import type { AppProcess } from './app-process.js';
import { BrowserSession } from './browser-session.js';

/** Connect round trips the app benchmark makes (and counts token requests for). */
export const EXCHANGES = 5;

/** A Smartcar user with vehicles, made through the emulator's control surface (Connect's API twin). */
export async function connectUser(
  app: AppProcess,
  email: string,
  mode: 'live' | 'simulated',
  externalId?: string,
): Promise<{ userId: string; vehicleIds: string[] }> {
  const res = await fetch(`${app.emulatorUrl}/_emulator/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: app.credentials.clientId, email, mode, externalId }),
  });
  if (!res.ok) throw new Error(`connect: ${res.status} ${await res.text()}`);
  return (await res.json()) as { userId: string; vehicleIds: string[] };
}

/**
 * Signs up, then goes through /login and /exchange as Connect's redirect
 * would, `exchanges` times (default `EXCHANGES`); with the last Smartcar
 * user's id and vehicles.
 */
export async function signedInSession(
  app: AppProcess,
  exchanges = EXCHANGES,
): Promise<{ browser: BrowserSession; userId: string; vehicleIds: string[] }> {
  const browser = new BrowserSession(app.url);
  const signup = await browser.submit('/signup', {
    email: 'bench@example.com',
    password: 'bench-password-123',
  });
  if (signup.status !== 303) throw new Error(`sign-up: ${signup.status}`);
  let connected: { userId: string; vehicleIds: string[] } | undefined;
  for (let i = 0; i < exchanges; i++) {
    // Connect as /login's link asks: its state, and the external_id that binds the user to this account.
    const login = await (await browser.request('/login')).text();
    const href = login.match(/href="([^"]*\/oauth\/authorize\?[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    if (!href) throw new Error('no Connect link on /login');
    const connectUrl = new URL(href);
    const state = connectUrl.searchParams.get('state');
    const externalId = connectUrl.searchParams.get('external_id') ?? undefined;
    connected = await connectUser(app, 'bench-driver@example.com', 'simulated', externalId);
    const exchange = await browser.request(
      `/exchange?${new URLSearchParams({ user_id: connected.userId, state: state ?? '' })}`,
    );
    if (exchange.status !== 303) throw new Error(`exchange: ${exchange.status}`);
  }
  if (!connected) throw new Error('no exchange made');
  return { browser, ...connected };
}
