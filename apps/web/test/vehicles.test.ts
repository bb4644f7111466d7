import { vehicleModeOf } from '@paddock/contract';
import { createHarness, type Harness, type TestBrowser } from './support/harness.js';
import { tableHeaders, tableRows } from './support/html.js';
import { dialects } from './support/test-database.js';

// GET /v3/vehicles/{id} only: the dashboard also reads each vehicle's signals, which is not a retrieve.
const isVehicleRetrieve = (url: URL) => /^\/v3\/vehicles\/[^/]+$/.test(url.pathname);

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  /** Runs the whole guide flow for a Connect login email in a fresh browser. */
  async function connected(
    email: string,
  ): Promise<{ browser: TestBrowser; userId: string; vehicleIds: string[] }> {
    const browser = await h.signedIn();
    const connectUrl = await browser.startConnect();
    const state = connectUrl.searchParams.get('state')!;
    const { userId, vehicleIds } = await h.connectInEmulator(email, connectUrl);
    expect((await browser.exchange({ user_id: userId, state })).status).toBe(303);
    return { browser, userId, vehicleIds };
  }

  /** An SDK fetch that records every Vehicle API request and lets a test answer some of them itself. */
  function recordingFetch(answer?: (url: URL) => Response | undefined) {
    const calls: { url: URL; userId: string | null }[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.pathname.startsWith('/v3/')) calls.push({ url, userId: request.headers.get('sc-user-id') });
      const canned = answer?.(url);
      return canned ?? h.emulator.fetch(request);
    };
    return { calls, fetch: fetchImpl };
  }

  describe('/vehicle', () => {
    test('3-vehicles@smartcar.com gives three rows under the five headers', async () => {
      h = await createHarness({ dialect });
      const { browser, vehicleIds } = await connected('3-vehicles@smartcar.com');
      const response = await browser.get('/vehicle');
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(tableHeaders(html)).toEqual(['Vehicle ID', 'Make', 'Model', 'Year', 'Powertrain']);
      const rows = tableRows(html);
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r[0]).sort()).toEqual([...vehicleIds].sort());
    });

    test('signed out: to /signin; signed in with nothing connected: a clear page with a link to /login', async () => {
      h = await createHarness({ dialect });
      const signedOut = await h.browser().get('/vehicle');
      expect(signedOut.status).toBe(303);
      expect(signedOut.headers.get('location')).toBe('/signin');

      const browser = await h.signedIn();
      await browser.startConnect();
      const response = await browser.get('/vehicle');
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('No vehicle connected');
      expect(html).toContain('href="/login"');
      expect(html).not.toContain('<table');
    });

    test('one connections request of 100 per user, with the stored user id and the mode filter; no vehicle calls when the list describes the vehicles', async () => {
      const recorder = recordingFetch();
      h = await createHarness({ dialect, fetch: recorder.fetch });
      const { browser, userId, vehicleIds } = await connected('2-vehicles@smartcar.com');
      recorder.calls.length = 0; // what /exchange asked is tested in accounts.test.ts
      const html = await (await browser.get('/vehicle')).text();
      expect(
        tableRows(html)
          .map((r) => r[0])
          .sort(),
      ).toEqual([...vehicleIds].sort());
      const list = recorder.calls.filter((c) => c.url.pathname === '/v3/connections');
      expect(list).toHaveLength(1);
      expect(list[0]?.url.searchParams.get('filter[userId]')).toBe(userId);
      expect(list[0]?.url.searchParams.get('filter[vehicle.mode]')).toBe('simulated');
      expect(list[0]?.url.searchParams.get('page[size]')).toBe('100');
      expect(recorder.calls.filter((c) => isVehicleRetrieve(c.url))).toHaveLength(0);
    });

    test("a list in the guide's flat shape (no vehicle attributes): each vehicle is fetched with the stored user id", async () => {
      const recorder = recordingFetch();
      const flatten: typeof fetch = async (input, init) => {
        const response = await recorder.fetch(input, init);
        if (new URL(new Request(input, init).url).pathname !== '/v3/connections') return response;
        const { data: _data, ...flat } = (await response.json()) as Record<string, unknown>;
        return Response.json(flat, { status: response.status });
      };
      h = await createHarness({ dialect, fetch: flatten });
      const { browser, userId, vehicleIds } = await connected('2-vehicles@smartcar.com');
      const rows = tableRows(await (await browser.get('/vehicle')).text());
      const retrieves = recorder.calls.filter((c) => isVehicleRetrieve(c.url));
      expect(retrieves).toHaveLength(2);
      expect(retrieves.every((c) => c.userId === userId)).toBe(true);
      expect(rows.map((r) => r[0]).sort()).toEqual([...vehicleIds].sort());
      for (const vehicleId of vehicleIds) {
        const held = await h.smartcar.vehicles.retrieve(vehicleId, { userId });
        const row = rows.find((cells) => cells[0] === vehicleId);
        expect(row?.slice(1, 4)).toEqual([held.make, held.model, String(held.year)]);
      }
    });

    test('Smartcar hanging past the overall deadline gives a "took too long" page, not a hung request', async () => {
      let hanging = false;
      const hang: typeof fetch = (input, init) => {
        const request = new Request(input, init);
        if (!hanging || !new URL(request.url).pathname.startsWith('/v3/')) return h.emulator.fetch(request);
        return new Promise((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
        });
      };
      h = await createHarness({ dialect, fetch: hang, smartcarDeadlineMs: 50 });
      const { browser } = await connected('slow-api@example.com');
      hanging = true;
      const started = performance.now();
      const response = await browser.get('/vehicle');
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(response.status).toBe(502);
      expect(await response.text()).toContain('Smartcar took too long to answer');
    });

    test('live mode lists live vehicles only, so simulated ones do not show', async () => {
      const recorder = recordingFetch();
      h = await createHarness({ dialect, fetch: recorder.fetch, config: { mode: 'live' } });
      const browser = await h.signedIn();
      const connectUrl = await browser.startConnect();
      const { userId } = await h.connectInEmulator('driver@example.com', connectUrl);
      // Smartcar lists no live connection of that (simulated) user, so /exchange cannot confirm it.
      const state = connectUrl.searchParams.get('state')!;
      expect((await browser.exchange({ user_id: userId, state })).status).toBe(400);
      const html = await (await browser.get('/vehicle')).text();
      expect(html).toContain('No vehicle connected');
      const list = recorder.calls.filter((c) => c.url.pathname === '/v3/connections');
      expect(list.length).toBeGreaterThan(0);
      for (const call of list) expect(call.url.searchParams.get('filter[vehicle.mode]')).toBe('live');
    });

    test('a user id in the query, a form or a cookie is never used', async () => {
      const recorder = recordingFetch();
      h = await createHarness({ dialect, fetch: recorder.fetch });
      const victim = await connected('victim@example.com');
      recorder.calls.length = 0;
      const intruder = await h.signedIn();
      await intruder.startConnect();
      intruder.jar.set('sc-user-id', victim.userId);
      intruder.jar.set('user_id', victim.userId);
      const response = await intruder.get(
        `/vehicle?user_id=${victim.userId}&userId=${victim.userId}&sc-user-id=${victim.userId}`,
        { headers: { 'sc-user-id': victim.userId } },
      );
      const html = await response.text();
      expect(html).toContain('No vehicle connected');
      for (const id of victim.vehicleIds) expect(html).not.toContain(id);
      expect(recorder.calls).toHaveLength(0);
    });

    test("a Smartcar error shows Smartcar's suggested message and request id with status 502", async () => {
      // Connecting works; the dashboard's listing afterwards fails.
      let failing = false;
      const recorder = recordingFetch((url) =>
        failing && url.pathname === '/v3/connections'
          ? Response.json(
              {
                errors: [
                  {
                    status: '409',
                    type: 'VEHICLE_STATE',
                    code: 'ASLEEP',
                    title: 'Vehicle asleep',
                    detail: 'The vehicle is in a sleep state.',
                    resolution: { type: 'RETRY_LATER' },
                    suggestedUserMessage:
                      'Your car is asleep. Wake it with the manufacturer app & try again.',
                    meta: { debug: { requestId: 'req-5f1c9a' } },
                  },
                ],
              },
              { status: 409, headers: { 'sc-request-id': 'req-5f1c9a' } },
            )
          : undefined,
      );
      h = await createHarness({ dialect, fetch: recorder.fetch });
      const { browser } = await connected('asleep@example.com');
      failing = true;
      const response = await browser.get('/vehicle');
      expect(response.status).toBe(502);
      const html = await response.text();
      expect(html).toContain('Your car is asleep. Wake it with the manufacturer app &amp; try again.');
      expect(html).toContain('req-5f1c9a');
      expect(html).not.toMatch(/at \w+ \(|\.ts:\d+|VehicleStateError/);
    });

    test('without a suggested message the page explains by error type', async () => {
      // Connecting works; the dashboard's listing afterwards fails.
      let failing = false;
      const recorder = recordingFetch((url) =>
        failing && url.pathname === '/v3/connections'
          ? Response.json(
              { errors: [{ status: '429', type: 'RATE_LIMIT', code: 'SMARTCAR_API', detail: 'Too many' }] },
              { status: 429, headers: { 'retry-after': '30', 'sc-request-id': 'req-rate' } },
            )
          : undefined,
      );
      h = await createHarness({ dialect, fetch: recorder.fetch });
      const { browser } = await connected('busy@example.com');
      failing = true;
      const response = await browser.get('/vehicle');
      expect(response.status).toBe(502);
      const html = await response.text();
      expect(html).toContain('Too many requests reached Smartcar');
      expect(html).toContain('req-rate');
    });

    test('a network failure is a clear 502 page, not a stack', async () => {
      let down = false;
      const recorder = recordingFetch((url) => {
        if (down && url.pathname.startsWith('/v3/')) throw new TypeError('fetch failed: ECONNREFUSED');
        return undefined;
      });
      h = await createHarness({ dialect, fetch: recorder.fetch });
      const { browser } = await connected('offline@example.com');
      down = true;
      const response = await browser.get('/vehicle');
      expect(response.status).toBe(502);
      const html = await response.text();
      expect(html).toContain('could not reach Smartcar');
      expect(html).not.toContain('ECONNREFUSED');
    });
  });

  describe('vehicleModeOf (from the contract, shared with the emulator)', () => {
    test('test is the old name of simulated', () => {
      expect(vehicleModeOf('live')).toBe('live');
      expect(vehicleModeOf('simulated')).toBe('simulated');
      expect(vehicleModeOf('test')).toBe('simulated');
    });
  });
});
