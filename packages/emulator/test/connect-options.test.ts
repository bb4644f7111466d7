import { Browser, locationOf, textOf } from './helpers/browser.js';
import { authorizeUrl, openConnect, runConnectFlow, submit } from './helpers/connect-flow.js';
import { setup } from './helpers/setup.js';

describe('Connect parameters that change the flow', () => {
  it('response_type=vehicle_id redirects with the chosen vehicle id (the re-auth flow)', async () => {
    const t = setup();
    const { redirect, grantPage } = await runConnectFlow(t, {
      query: { response_type: 'vehicle_id', state: 're-auth' },
      email: 'reauth@example.com',
    });
    expect([...redirect.searchParams.keys()].sort()).toEqual(['state', 'vehicle_id']);
    expect(redirect.searchParams.get('state')).toBe('re-auth');
    expect(grantPage).toContain(`value="${redirect.searchParams.get('vehicle_id')}"`);
  });

  it('response_type=none ends on a Connect page and never redirects', async () => {
    const t = setup();
    const browser = new Browser(t.fetch);
    const brand = await openConnect(browser, authorizeUrl(t, { response_type: 'none' }));
    const login = (await submit(browser, brand, { make: 'TESLA' })).next!;
    const grant = (await submit(browser, login, { email: 'none@example.com', password: 'pw' })).next!;
    const vehicle = grant.match(/name="vehicle"[^>]*value="([^"]+)"/)?.[1];
    const done = await submit(browser, grant, { action: 'allow', vehicle });
    expect(done.res.status).toBe(200);
    expect(done.res.headers.get('location')).toBeNull();
    expect(textOf(await done.res.text())).toMatch(/You're all set/);
  });

  it('approval_prompt=auto skips the grant screen once everything asked was granted; force never does', async () => {
    const t = setup();
    const first = await runConnectFlow(t, { email: 'again@example.com' });
    const userId = first.redirect.searchParams.get('user_id');

    const browser = new Browser(t.fetch);
    const brand = await openConnect(browser, authorizeUrl(t, { approval_prompt: 'auto', state: 'two' }));
    const login = (await submit(browser, brand, { make: 'TESLA' })).next!;
    const skipped = await submit(browser, login, { email: 'again@example.com', password: 'pw' });
    expect(skipped.res.status).toBe(303);
    const to = locationOf(skipped.res);
    expect(to.searchParams.get('user_id')).toBe(userId);
    expect(to.searchParams.get('state')).toBe('two');

    // Asking for more than was granted shows the grant screen again, as does force.
    for (const query of [
      { approval_prompt: 'auto', scope: 'read_vehicle_info read_odometer' },
      { approval_prompt: 'force' },
    ]) {
      const again = await runConnectFlow(t, { query, email: 'again@example.com' });
      expect(again.grantPage).toContain('Allow');
    }
  });

  it('flags=country:XX narrows the brand list to that market', async () => {
    const t = setup();
    const brandsIn = async (flags?: string) => {
      const html = await openConnect(new Browser(t.fetch), authorizeUrl(t, { flags }));
      return [...html.matchAll(/name="make" value="([A-Z]+)"/g)].map((m) => m[1]);
    };
    const everywhere = await brandsIn();
    expect(everywhere).toContain('CHEVROLET');
    expect(await brandsIn('country:US')).toEqual(everywhere);
    const germany = await brandsIn('country:DE color:0000FF');
    expect(germany).not.toContain('CHEVROLET');
    expect(germany).toContain('VOLKSWAGEN');
    expect(await brandsIn('country:ZZ')).toEqual(everywhere);
  });
});
