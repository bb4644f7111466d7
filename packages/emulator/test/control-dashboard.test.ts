import { vehicleErrorEventSchema, vehicleStateEventSchema } from '@paddock/contract';
import { ApiError } from '../src/http/api-error.js';
import { Browser, locationOf } from './helpers/browser.js';
import { connectVehicle, createWebhook, subscribeVia, webhookSetup } from './helpers/webhooks.js';

/** The CSRF token and the hidden fields of the form posting to `action`. */
function formFor(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  expect(start, `no form for ${action}`).toBeGreaterThan(-1);
  const form = html.slice(start, html.indexOf('</form>', start));
  return Object.fromEntries([...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

async function dashboard(t: ReturnType<typeof webhookSetup>) {
  const browser = new Browser(t.fetch);
  const res = await browser.get('/_emulator');
  expect(res.status).toBe(200);
  return { browser, res, html: await res.text() };
}

/** A vehicle subscribed to a webhook triggered by its charging cable. */
async function subscribedVehicle() {
  const t = webhookSetup();
  const webhookId = await createWebhook(t, { triggers: ['charge-ischargingcableconnected'] });
  const { userId, vehicleId, token } = await connectVehicle(t);
  await subscribeVia(t, token, { webhookId, userId, vehicleId });
  await t.emulator.webhooks.settle();
  return { t, vehicleId };
}

describe('the dashboard', () => {
  it('renders the clock, applications, webhooks and vehicles with no script and a strict CSP', async () => {
    const t = webhookSetup();
    await createWebhook(t);
    const { vehicleId } = await connectVehicle(t);
    const { res, html } = await dashboard(t);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Battery updates');
    expect(html).toContain(vehicleId);
    expect(html).toContain('2026-01-01T00:00');
    expect(html).not.toContain(t.app.managementToken);
    expect(html).not.toContain(t.app.clientSecret);
  });

  it('refuses a form without the CSRF token of the browser’s cookie', async () => {
    const t = webhookSetup();
    const { browser, html } = await dashboard(t);
    const fields = formFor(html, '/_emulator/dashboard/clock');
    expect(
      (await browser.post('/_emulator/dashboard/clock', { ...fields, csrf_token: 'forged' })).status,
    ).toBe(403);
    const stranger = new Browser(t.fetch);
    expect((await stranger.post('/_emulator/dashboard/clock', fields)).status).toBe(403);
    expect(t.emulator.clock.state().frozen).toBe(false);
  });

  it('freezes and advances the clock from its buttons', async () => {
    const t = webhookSetup();
    const { browser, html } = await dashboard(t);
    const freeze = await browser.post(
      '/_emulator/dashboard/clock',
      formFor(html, '/_emulator/dashboard/clock'),
    );
    expect(freeze.status).toBe(303);
    expect(locationOf(freeze).search).toBe('?done=clock');
    expect(t.emulator.clock.state().frozen).toBe(true);
    const before = t.emulator.clock.now();
    const page = await (await browser.get('/_emulator?done=clock')).text();
    expect(page).toContain('Clock updated.');
    const token = formFor(page, '/_emulator/dashboard/clock').csrf_token!;
    await browser.post('/_emulator/dashboard/clock', { csrf_token: token, action: 'advance', ms: '60000' });
    expect(t.emulator.clock.now()).toBe(before + 60_000);
    const bad = await browser.post('/_emulator/dashboard/clock', {
      csrf_token: token,
      action: 'advance',
      ms: '-5',
    });
    expect(locationOf(bad).search).toBe('?done=invalid');
  });

  it('plugs a vehicle in from its button, and the trigger change is delivered', async () => {
    const { t, vehicleId } = await subscribedVehicle();
    const { browser, html } = await dashboard(t);
    const action = `/_emulator/dashboard/vehicles/${vehicleId}/plug-in`;
    const res = await browser.post(action, formFor(html, action));
    expect(locationOf(res).search).toBe('?done=vehicle');
    const [, change] = t.rx.of('VEHICLE_STATE');
    const event = vehicleStateEventSchema.parse(change!.json);
    expect(event.triggers[0]).toMatchObject({
      type: 'SIGNAL_UPDATED',
      signal: { code: 'charge-ischargingcableconnected' },
    });
  });

  it('reports a vehicle’s refusal by its error code only', async () => {
    const t = webhookSetup();
    const { vehicleId } = await connectVehicle(t);
    t.simulator.startTrip = () => {
      throw new ApiError('VEHICLE_STATE', 'ASLEEP', { detail: 'The vehicle is asleep.' });
    };
    const { browser, html } = await dashboard(t);
    const action = `/_emulator/dashboard/vehicles/${vehicleId}/start-trip`;
    const res = await browser.post(action, formFor(html, action));
    expect(locationOf(res).search).toBe('?done=refused&reason=ASLEEP');
    expect(await (await browser.get(locationOf(res).toString())).text()).toContain(
      'The vehicle refused: ASLEEP',
    );
    const page = await (await browser.get('/_emulator?done=refused&reason=<b>x</b>')).text();
    expect(page).not.toContain('<b>x</b>');
  });

  it('reports a vehicle unreachable, reachable again, or its login expired, as VEHICLE_ERROR events', async () => {
    const { t, vehicleId } = await subscribedVehicle();
    const { browser, html } = await dashboard(t);
    for (const action of ['unreachable', 'reachable', 'login-expired']) {
      const path = `/_emulator/dashboard/vehicles/${vehicleId}/${action}`;
      const res = await browser.post(path, formFor(html, path));
      expect(locationOf(res).search, action).toBe('?done=reported');
    }
    // An inherited property name is no action (the CSRF token is any form's).
    const token = formFor(html, `/_emulator/dashboard/vehicles/${vehicleId}/unreachable`);
    const inherited = await browser.post(`/_emulator/dashboard/vehicles/${vehicleId}/toString`, token);
    expect(locationOf(inherited).search).toBe('?done=invalid');
    const errors = t.rx.of('VEHICLE_ERROR').map((d) => vehicleErrorEventSchema.parse(d.json).data.errors[0]!);
    expect(errors.map((e) => [e.type, e.code, e.state, e.resolution.type])).toEqual([
      ['VEHICLE_STATE', 'UNREACHABLE', 'ERROR', 'RETRY_LATER'],
      ['VEHICLE_STATE', 'UNREACHABLE', 'RESOLVED', null],
      ['CONNECTED_SERVICES_ACCOUNT', 'AUTHENTICATION_FAILED', 'ERROR', 'REAUTHENTICATE'],
    ]);
  });
});
