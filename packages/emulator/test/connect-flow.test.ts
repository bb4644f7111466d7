import {
  connectErrorRedirectSchema,
  connectSuccessRedirectSchema,
  PERMISSION_DESCRIPTIONS,
} from '@paddock/contract';
import { actionOf, Browser, csrfOf, inputsOf, locationOf, textOf } from './helpers/browser.js';
import { authorizeUrl, openConnect, runConnectFlow, submit } from './helpers/connect-flow.js';
import { apiGet, getToken, REDIRECT_URI, setup } from './helpers/setup.js';

const SCOPE = 'required:read_vehicle_info read_battery required:read_location control_charge';

describe('Connect page flow', () => {
  it('walks brand → login → grant → Allow and redirects with user_id and state only', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const brandPage = await openConnect(browser, authorizeUrl(t, { scope: SCOPE, state: 'xyz' }));
    const loginPage = (await submit(browser, brandPage, { make: 'TESLA' })).next!;
    expect(loginPage).toContain('name="email"');
    const grantPage = (await submit(browser, loginPage, { email: 'Jane@Example.com', password: 'pw' })).next!;

    const text = textOf(grantPage);
    for (const p of ['read_vehicle_info', 'read_battery', 'read_location', 'control_charge'] as const) {
      expect(text).toContain(PERMISSION_DESCRIPTIONS[p]);
    }
    const permissions = inputsOf(grantPage, 'permission');
    expect(permissions).toEqual([
      { type: 'checkbox', value: 'read_vehicle_info', checked: true, disabled: true },
      { type: 'checkbox', value: 'read_battery', checked: true, disabled: false },
      { type: 'checkbox', value: 'read_location', checked: true, disabled: true },
      { type: 'checkbox', value: 'control_charge', checked: true, disabled: false },
    ]);
    const vehicles = inputsOf(grantPage, 'vehicle');
    expect(vehicles.length).toBeGreaterThanOrEqual(1);
    expect(vehicles.every((v) => v.type === 'checkbox')).toBe(true);
    expect(text).toMatch(/\b20\d\d Tesla Model [3Y] \(VIN 5YJ[A-HJ-NPR-Z0-9]{14}\)/);
    expect(grantPage).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(grantPage).toMatch(/<button[^>]*>Deny<\/button>/);

    // Untick control_charge; keep read_battery.
    const final = await submit(browser, grantPage, {
      action: 'allow',
      permission: ['read_battery'],
      vehicle: vehicles.map((v) => v.value),
    });
    expect(final.res.status).toBe(303);
    const to = locationOf(final.res);
    expect(`${to.origin}${to.pathname}`).toBe(REDIRECT_URI);
    const params = connectSuccessRedirectSchema.parse(Object.fromEntries(to.searchParams));
    expect(params.state).toBe('xyz');
    expect(params.code).toBeUndefined();
    expect([...to.searchParams.keys()].sort()).toEqual(['state', 'user_id']);

    // The connections carry the required permissions plus the optional one left ticked, in simulated mode.
    const token = await getToken(t, t.app);
    const res = await apiGet(t, '/v3/connections?filter[vehicle.mode]=simulated', token, {
      'sc-user-id': params.user_id,
    });
    const body = (await res.json()) as {
      connections: { vehicleId: string; permissions: string[]; mode: string }[];
    };
    expect(body.connections.map((c) => c.vehicleId).sort()).toEqual(vehicles.map((v) => v.value).sort());
    for (const c of body.connections) {
      expect(c.permissions).toEqual(['read_battery', 'read_location', 'read_vehicle_info']);
      expect(c.mode).toBe('simulated');
    }
  });

  it('adds external_id to the redirect when given', async () => {
    const t = setup();
    const { redirect } = await runConnectFlow(t, {
      query: { external_id: 'cust-42' },
      email: 'x@example.com',
    });
    expect(redirect.searchParams.get('external_id')).toBe('cust-42');
  });

  it('Deny redirects with access_denied and the state', async () => {
    const t = setup();
    const { redirect } = await runConnectFlow(t, {
      email: 'x@example.com',
      action: 'deny',
      query: { state: 's1' },
    });
    const params = connectErrorRedirectSchema.parse(Object.fromEntries(redirect.searchParams));
    expect(params).toMatchObject({ error: 'access_denied', state: 's1' });
    expect(redirect.searchParams.get('user_id')).toBeNull();
  });

  it('refuses posts without, or with a wrong, CSRF token with a 403 page', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const html = await openConnect(browser, authorizeUrl(t));
    const action = actionOf(html);
    for (const form of [{ make: 'TESLA' }, { make: 'TESLA', csrf_token: `${csrfOf(html)}x` }]) {
      const res = await browser.post(action, form);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    // The right token without the browser's cookie is refused too.
    const stranger = new Browser(t.fetch);
    expect((await stranger.post(action, { make: 'TESLA', csrf_token: csrfOf(html) })).status).toBe(403);
    // A token of another interaction of the same browser is refused.
    const other = await openConnect(browser, authorizeUrl(t));
    expect((await browser.post(action, { make: 'TESLA', csrf_token: csrfOf(other) })).status).toBe(403);
    // And the genuine one passes.
    expect((await browser.post(action, { make: 'TESLA', csrf_token: csrfOf(html) })).status).toBe(303);
  });

  it('re-shows the login page with a message when the form is incomplete', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const html = await openConnect(browser, authorizeUrl(t, { make: 'KIA' }));
    const { res } = await submit(browser, html, { email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    expect(textOf(await res.text())).toContain('Enter an email address and a password');
  });

  it('refuses a grant with no vehicle chosen', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const login = await openConnect(browser, authorizeUrl(t, { make: 'KIA' }));
    const grant = (await submit(browser, login, { email: 'k@example.com', password: 'pw' })).next!;
    const { res } = await submit(browser, grant, { action: 'allow' });
    expect(res.status).toBe(400);
    expect(textOf(await res.text())).toContain('Choose a vehicle');
  });

  it('expires the interaction on the clock and cannot be completed twice', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const html = await openConnect(browser, authorizeUrl(t));
    t.clock.advance(31 * 60 * 1000);
    const { res } = await submit(browser, html, { make: 'TESLA' });
    expect(res.status).toBe(400);
    expect(textOf(await res.text())).toContain('expired');

    const fresh = await openConnect(browser, authorizeUrl(t, { make: 'BMW' }));
    const grant = (await submit(browser, fresh, { email: 'b@example.com', password: 'pw' })).next!;
    const vehicles = inputsOf(grant, 'vehicle').map((v) => v.value);
    expect((await submit(browser, grant, { action: 'allow', vehicle: vehicles })).res.status).toBe(303);
    expect((await submit(browser, grant, { action: 'allow', vehicle: vehicles })).res.status).toBe(400);
  });

  it('gives the same user id and vehicles for the same email, however it is cased', async () => {
    const t = setup();
    const first = await runConnectFlow(t, { email: 'repeat@example.com', make: 'HYUNDAI' });
    // force: with the default (auto) Connect would skip the grant screen this time.
    const second = await runConnectFlow(t, {
      email: ' Repeat@Example.COM ',
      make: 'HYUNDAI',
      query: { approval_prompt: 'force' },
    });
    expect(second.redirect.searchParams.get('user_id')).toBe(first.redirect.searchParams.get('user_id'));
    const ids = (html: string) => inputsOf(html, 'vehicle').map((v) => v.value);
    expect(ids(second.grantPage!)).toEqual(ids(first.grantPage!));
    expect(textOf(second.grantPage!)).toContain(textOf(first.grantPage!).match(/\(VIN [A-Z0-9]{17}\)/)![0]);
  });

  it('connecting again adds permissions and never duplicates connections', async () => {
    const t = setup();
    const email = 'again@example.com';
    const first = await runConnectFlow(t, { email, make: 'AUDI', query: { scope: 'read_odometer' } });
    await runConnectFlow(t, { email, make: 'AUDI', query: { scope: 'read_battery', mode: 'simulated' } });
    const userId = first.redirect.searchParams.get('user_id')!;
    const token = await getToken(t, t.app);
    const res = await apiGet(
      t,
      `/v3/connections?filter[vehicle.mode]=simulated&filter[userId]=${userId}`,
      token,
    );
    const body = (await res.json()) as {
      connections: { permissions: string[] }[];
      meta: { totalCount: number };
    };
    expect(body.meta.totalCount).toBe(inputsOf(first.grantPage!, 'vehicle').length);
    for (const c of body.connections) expect(c.permissions).toEqual(['read_battery', 'read_odometer']);
  });

  it('connects live vehicles in live mode', async () => {
    const t = setup();
    const { redirect } = await runConnectFlow(t, { email: 'l@example.com', query: { mode: 'live' } });
    const token = await getToken(t, t.app);
    const userId = redirect.searchParams.get('user_id')!;
    const res = await apiGet(t, '/v3/connections', token, { 'sc-user-id': userId });
    const body = (await res.json()) as { connections: { mode: string }[] };
    expect(body.connections.length).toBeGreaterThan(0);
    expect(body.connections.every((c) => c.mode === 'live')).toBe(true);
  });
});
