import { walkConnectPages } from './support/connect-pages.js';
import { createHarness, type Harness } from './support/harness.js';
import { tableRows } from './support/html.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ dialect });
  });
  afterEach(async () => {
    await h.close();
  });

  describe("the guide flow through the emulator's Connect pages", () => {
    test('Allow: Connect echoes the state, /exchange links the user, /vehicle shows the vehicles', async () => {
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const back = await walkConnectPages(h.emulator.fetch, browser.jar, connectUrl, {
        email: '2-vehicles@smartcar.com',
        decision: 'allow',
        make: 'TESLA',
      });
      expect(back.origin + back.pathname).toBe('http://localhost:8000/exchange');
      expect(back.searchParams.get('state')).toBe(connectUrl.searchParams.get('state'));

      const exchanged = await browser.get(back.pathname + back.search);
      expect(exchanged.status).toBe(303);
      expect(exchanged.headers.get('location')).toBe('/vehicle');
      expect(await h.storedUsers()).toBe(1);

      const rows = tableRows(await (await browser.get('/vehicle')).text());
      expect(rows).toHaveLength(2);
      expect(rows.every((cells) => cells[1] === 'TESLA')).toBe(true);

      // Replaying Connect's redirect (the browser's back button) stores nothing more.
      const replay = await browser.get(back.pathname + back.search);
      expect(replay.status).toBe(400);
      expect(await h.storedUsers()).toBe(1);
    });

    test('Deny: the access-denied page, nothing stored, and /vehicle stays empty', async () => {
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const back = await walkConnectPages(h.emulator.fetch, browser.jar, connectUrl, {
        email: 'deny-me@example.com',
        decision: 'deny',
      });
      expect(back.searchParams.get('error')).toBe('access_denied');
      const page = await browser.get(back.pathname + back.search);
      expect(page.status).toBe(403);
      expect(await page.text()).toContain('Access denied');
      expect(await h.storedUsers()).toBe(0);
      expect(await (await browser.get('/vehicle')).text()).toContain('No vehicle connected');
    });
  });
});
