import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type Running, runNode } from './support/process.js';
import { freePort, ROOT } from './support/stack.js';

const APP_MAIN = join(ROOT, 'apps/web/dist/main.js');
const EMULATOR_MAIN = join(ROOT, 'packages/emulator/dist/main.js');

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('booting the app', () => {
  test('partial Smartcar config fails at boot, listing every problem and never the secret', async () => {
    const secret = 'do-not-print-this-secret-7f3a';
    running = runNode(APP_MAIN, [], {
      SMARTCAR_CLIENT_ID: 'client_abc',
      SMARTCAR_CLIENT_SECRET: secret,
      SMARTCAR_MODE: 'sideways',
      PORT: String(await freePort()),
      DATABASE_URL: ':memory:',
    });
    expect(await running.exited()).toBe(2);
    const output = running.output();
    expect(output).toContain('SMARTCAR_REDIRECT_URI');
    expect(output).toContain('SMARTCAR_MODE');
    expect(output).not.toContain(secret);
  });

  test("with Smartcar's variables it uses the real hosts and starts no emulator", async () => {
    const [port, emulatorPort] = [await freePort(), await freePort()];
    running = runNode(APP_MAIN, [], {
      SMARTCAR_CLIENT_ID: 'client_abc',
      SMARTCAR_CLIENT_SECRET: 'secret-for-real-mode',
      SMARTCAR_REDIRECT_URI: `http://localhost:${port}/exchange`,
      SMARTCAR_MODE: 'live',
      PORT: String(port),
      PADDOCK_EMULATOR_PORT: String(emulatorPort),
      DATABASE_URL: ':memory:',
    });
    await running.waitForOutput(new RegExp(`http://localhost:${port}/login`));
    // Ready for a load balancer: readiness follows the database, not Smartcar.
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    expect(await (await fetch(`http://localhost:${port}/readyz`)).json()).toEqual({ status: 'ready' });
    const cookie = await signUp(`http://localhost:${port}`);
    const page = await (await fetch(`http://localhost:${port}/login`, { headers: { cookie } })).text();
    const href = page.match(/href="(https:\/\/connect\.smartcar\.com\/oauth\/authorize\?[^"]+)"/)?.[1];
    expect(href).toBeDefined();
    const connect = new URL(href!.replaceAll('&amp;', '&'));
    expect(connect.searchParams.get('client_id')).toBe('client_abc');
    expect(connect.searchParams.get('mode')).toBe('live');
    expect(connect.searchParams.get('scope')).toBe('read_vehicle_info');
    expect(connect.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    await expect(fetch(`http://localhost:${emulatorPort}/`)).rejects.toThrow();
    expect(running.output()).not.toContain('secret-for-real-mode');
  });
});

describe('stopping the app', () => {
  test('with SHUTDOWN_DRAIN_MS, SIGTERM turns /readyz to 503 while it still serves, then it exits', async () => {
    const port = await freePort();
    running = runNode(APP_MAIN, [], {
      PORT: String(port),
      PADDOCK_EMULATOR_PORT: String(await freePort()),
      DATABASE_URL: ':memory:',
      SHUTDOWN_DRAIN_MS: '1500',
    });
    await running.waitForOutput(new RegExp(`http://localhost:${port}/login`));
    expect((await fetch(`http://localhost:${port}/readyz`)).status).toBe(200);
    const stoppedAt = Date.now();
    running.child.kill('SIGTERM');
    await running.waitForOutput(/draining/);
    const draining = await fetch(`http://localhost:${port}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);
    expect(await running.exited()).toBe(0);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1_400);
  });
});

describe('npm run emulator', () => {
  test('without credentials it makes some up, prints them, and they work at the token endpoint', async () => {
    const port = await freePort();
    running = runNode(EMULATOR_MAIN, [], { PADDOCK_EMULATOR_PORT: String(port) });
    await running.waitForOutput(new RegExp(`http://localhost:${port}`));
    const output = running.output();
    const clientId = output.match(/client id\W+(\S+)/i)?.[1];
    const clientSecret = output.match(/client secret\W+(\S+)/i)?.[1];
    expect(clientId && clientSecret).toBeTruthy();
    const response = await fetch(`http://localhost:${port}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId!,
        client_secret: clientSecret!,
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });

  test('known credentials from flags register the development application', async () => {
    const port = await freePort();
    running = runNode(
      EMULATOR_MAIN,
      ['--port', String(port), '--client-id', 'client_dev', '--client-secret', 'dev-secret-1234567890'],
      {},
    );
    await running.waitForOutput(new RegExp(`http://localhost:${port}`));
    const basic = Buffer.from('client_dev:dev-secret-1234567890').toString('base64');
    const ok = await fetch(`http://localhost:${port}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(ok.status).toBe(200);
    const wrong = await fetch(`http://localhost:${port}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'client_dev',
        client_secret: 'nope',
      }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
  });
});

/** Signs up through the app's form (CSRF token and all) and returns the new session's cookies. */
async function signUp(appUrl: string): Promise<string> {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]);
  const form = await fetch(`${appUrl}/signup`);
  const csrf = cookiesOf(form).join('; ');
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const created = await fetch(`${appUrl}/signup`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrf, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: token,
      email: 'boot@example.com',
      password: 'a long enough password',
    }),
  });
  expect(created.status).toBe(303);
  return [csrf, ...cookiesOf(created)].join('; ');
}
