import { connectErrorRedirectSchema } from '@paddock/contract';
import { Browser, inputsOf, locationOf, textOf } from './helpers/browser.js';
import { authorizeUrl, openConnect, runConnectFlow } from './helpers/connect-flow.js';
import { OTHER_REDIRECT_URI, REDIRECT_URI, setup } from './helpers/setup.js';

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe('GET /oauth/authorize: client and redirect URI', () => {
  it('shows an error page, never a redirect, for an unknown client_id', async () => {
    const t = setup();
    const res = await t.fetch(authorizeUrl(t, { client_id: 'not-registered' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expectSecurityHeaders(res);
    expect(textOf(await res.text())).toContain('Unknown client_id not-registered');
  });

  it('shows an error page for a redirect_uri one character off a registered one', async () => {
    const t = setup();
    for (const uri of [
      `${REDIRECT_URI}/`,
      REDIRECT_URI.replace('8000', '8001'),
      REDIRECT_URI.toUpperCase(),
    ]) {
      const res = await t.fetch(authorizeUrl(t, { redirect_uri: uri }));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(textOf(await res.text())).toContain('is not registered');
    }
  });

  it('shows an error page when client_id is missing or repeated', async () => {
    const t = setup();
    const missing = await t.fetch(authorizeUrl(t, { client_id: undefined }));
    expect(missing.status).toBe(400);
    const repeated = await t.fetch(`${authorizeUrl(t)}&client_id=${t.app.clientId}`);
    expect(repeated.status).toBe(400);
    expect(repeated.headers.get('location')).toBeNull();
  });

  it('uses the first registered redirect URI when redirect_uri is omitted', async () => {
    const t = setup();
    const { redirect } = await runConnectFlow(t, {
      query: { redirect_uri: undefined },
      email: 'a@example.com',
    });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
  });

  it('redirects to any registered URI given exactly', async () => {
    const t = setup();
    const { redirect } = await runConnectFlow(t, {
      query: { redirect_uri: OTHER_REDIRECT_URI },
      email: 'a@example.com',
    });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(OTHER_REDIRECT_URI);
  });
});

describe('GET /oauth/authorize: later problems redirect with error and state', () => {
  const cases: [string, Record<string, string>][] = [
    ['an unknown permission', { scope: 'read_vehicle_info read_everything' }],
    ['an unknown required permission', { scope: 'required:read_nothing' }],
    ['an invalid mode', { mode: 'sandbox' }],
    ['an invalid single_select', { single_select: 'yes' }],
    ['an unknown make', { make: 'TRABANT' }],
  ];
  it.each(cases)('%s → configuration_error', async (_, query) => {
    const t = setup();
    const res = await t.fetch(authorizeUrl(t, { ...query, state: 'keep-me' }));
    expect(res.status).toBe(303);
    const to = locationOf(res);
    expect(`${to.origin}${to.pathname}`).toBe(REDIRECT_URI);
    const params = connectErrorRedirectSchema.parse(Object.fromEntries(to.searchParams));
    expect(params).toMatchObject({ error: 'configuration_error', state: 'keep-me' });
    expect(params.error_description.length).toBeGreaterThan(0);
  });
});

describe('Connect pages', () => {
  it('sends CSP and X-Frame-Options on every page and a HttpOnly, SameSite=Lax CSRF cookie', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const res = await browser.get(authorizeUrl(t));
    expect(res.status).toBe(303);
    expectSecurityHeaders(res);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('paddock_emulator_csrf='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const pageRes = await browser.get(locationOf(res).toString());
    expectSecurityHeaders(pageRes);
  });

  it('starts at the brand selector with one button per make', async () => {
    const t = setup();
    const html = await openConnect(new Browser(t.fetch), authorizeUrl(t));
    expect(html).toContain('<button type="submit" name="make" value="TESLA">Tesla</button>');
    expect(html).toContain('value="VOLKSWAGEN">Volkswagen</button>');
  });

  it('skips the brand selector when make is given', async () => {
    const t = setup();
    const html = await openConnect(new Browser(t.fetch), authorizeUrl(t, { make: 'tesla' }));
    expect(html).not.toContain('name="make"');
    expect(textOf(html)).toContain('Sign in to Tesla');
    expect(html).toContain('name="email"');
    expect(html).toContain('name="password"');
  });

  it('says it is an emulator on the live-mode login page', async () => {
    const t = setup();
    const html = await openConnect(new Browser(t.fetch), authorizeUrl(t, { make: 'FORD', mode: 'live' }));
    expect(textOf(html)).toContain('This is an emulator');
  });

  it('with single_select_vin skips brands and offers only that VIN, as a radio button', async () => {
    const t = setup();
    const vin = '5YJ3E1EA7KF317000';
    const { redirect, grantPage } = await runConnectFlow(t, {
      query: { single_select_vin: vin, make: 'FORD' },
      email: `${vin}@bev.smartcar.com`,
    });
    const vehicles = inputsOf(grantPage!, 'vehicle');
    expect(vehicles).toHaveLength(1);
    expect(vehicles[0]!.type).toBe('radio');
    expect(textOf(grantPage!)).toContain(`(VIN ${vin})`);
    expect(redirect.searchParams.get('user_id')).toBeTruthy();
  });

  it('uses radio buttons when single_select=true', async () => {
    const t = setup();
    const { grantPage } = await runConnectFlow(t, {
      query: { single_select: 'true' },
      email: '3-vehicles@smartcar.com',
    });
    const vehicles = inputsOf(grantPage!, 'vehicle');
    expect(vehicles.map((v) => v.type)).toEqual(['radio', 'radio', 'radio']);
    expect(vehicles.filter((v) => v.checked)).toHaveLength(1);
  });

  it('ends with no_vehicles when the account lacks single_select_vin', async () => {
    const t = setup();
    const { redirect } = await runConnectFlow(t, {
      query: { single_select_vin: '5YJ3E1EA7KF317000' },
      email: 'someone@example.com',
    });
    expect(redirect.searchParams.get('error')).toBe('no_vehicles');
    expect(redirect.searchParams.get('state')).toBe('st-123');
  });
});
