import { BEV_LOGIN, createDashboardHarness, type DashboardHarness } from './support/dashboard-harness.js';
import { tableRows } from './support/html.js';
import { pageText, pictureLabels, signalRows, textOfId } from './support/pages.js';
import { dialects } from './support/test-database.js';

const SOC = 'tractionbattery-stateofcharge';

describe.each(dialects)('vehicle pages on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  test('/vehicle shows every connected vehicle: name, powertrain, a picture and gauge, the key facts with their age', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    const response = await browser.get('/vehicle');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(
      tableRows(html)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...vehicleIds].sort());
    for (const id of vehicleIds) {
      const vehicle = await h.smartcar.vehicles.retrieve(id, { userId: undefined });
      const card = html.slice(
        html.indexOf(`data-vehicle-id="${id}"`),
        html.indexOf('</article>', html.indexOf(`data-vehicle-id="${id}"`)),
      );
      expect(card).toContain(`${vehicle.year} ${vehicle.make} ${vehicle.model}`);
      expect(card).toMatch(/<svg class="silhouette"[^>]*aria-label="[^"]+\((BEV|PHEV|HEV|ICE)\)"/);
      expect(card).toMatch(/<svg class="gauge"[^>]*aria-label="(Battery|Fuel) \d+ %/);
      const summary = textOfId(html, `summary-${id}`)!;
      expect(summary).toMatch(/Odometer [\d,]+ km \d+ min ago/);
      expect(summary).toMatch(/Doors locked (Locked|Unlocked)/);
    }
    // What was read is kept: latest values and the history.
    const latest = await h.db.selectFrom('signal_latest').select('vehicle_id').distinct().execute();
    expect(latest.map((r) => r.vehicle_id).sort()).toEqual([...vehicleIds].sort());
    expect((await h.db.selectFrom('signal_history').selectAll().execute()).length).toBeGreaterThan(0);
  });

  test('the vehicle page groups every signal as the catalogue does, in words and units, with ERROR and UNAVAILABLE shown', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    // No location permission: that signal is ERROR (not shared); a BEV has no fuel tank: UNAVAILABLE.
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN, [
      'read_vehicle_info',
      'read_battery',
      'read_charge',
      'read_security',
      'read_odometer',
      'read_tires',
      'read_fuel',
    ]);
    const html = await (await browser.get(`/vehicles/${vehicleIds[0]}`)).text();
    const headings = [...html.matchAll(/<h3 id="h-([\w-]+)">/g)].map((m) => m[1]);
    expect(headings.slice(0, 6)).toEqual(['battery', 'charging', 'fuel', 'location', 'security', 'tyres']);
    const rows = signalRows(html);
    expect(rows.get(SOC)?.text).toMatch(/^\d+ %$/);
    expect(rows.get('tractionbattery-range')?.text).toMatch(/^[\d,]+ km$/);
    expect(rows.get('odometer-traveleddistance')?.text).toMatch(/^[\d,]+ km$/);
    expect(rows.get('wheel-tires')?.text).toMatch(
      /^front left \d+ · front right \d+ · rear left \d+ · rear right \d+ kPa$/,
    );
    expect(rows.get('closure-islocked')?.text).toMatch(/^(Locked|Unlocked)$/);
    expect(rows.get('location-preciselocation')).toEqual({
      status: 'ERROR',
      text: 'Error: Not shared: connect again and allow this permission',
    });
    // The whole fuel group is one line for a BEV, still shown.
    expect(textOfId(html, 'h-fuel')).toBe('Fuel and engine');
    expect(html).toMatch(
      /<p class="problem" data-status="UNAVAILABLE">Not available on this vehicle: Fuel level, Fuel in the tank, Range on fuel, Oil life\.<\/p>/,
    );
    // Ages are against the injected clock.
    expect(html).toMatch(/<td class="age">(just now|\d+ min ago|\d+ h ago)<\/td>/);
  });

  test('pictures: gauge, a map of the stored positions with a scale, charts of the charge and odometer from the history', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    await browser.get(`/vehicles/${id}`);
    // Drive for half an hour, with a read every 10 minutes, so there is a track and a history.
    await h.control(`/_emulator/vehicles/${id}/trips`, { speedKph: 60, headingDeg: 90 });
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10 * 60_000);
      await browser.submit(`/vehicles/${id}`, {}, `/vehicles/${id}/refresh`);
    }
    const html = await (await browser.get(`/vehicles/${id}`)).text();
    const pictures = html.slice(html.indexOf(`id="pictures-${id}"`));
    expect(pictures).toMatch(
      /<svg class="track-map"[^>]*aria-label="Map: the vehicle is at [\d.]+° N, [\d.]+° W; 4 stored positions"/,
    );
    expect(pictures).toMatch(/<path d="M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L/); // the track
    expect(pictures).toMatch(/<text[^>]*>\d+(\.\d)? k?m<\/text>/); // the scale bar
    const labels = pictureLabels(pictures);
    expect(labels.find((l) => l.startsWith('State of charge'))).toMatch(
      /^State of charge: 4 values from \d\d:\d\d to 09:30 UTC, latest \d+(\.\d)? %$/,
    );
    expect(labels.find((l) => l.startsWith('Odometer'))).toMatch(
      /^Odometer: 4 values from \d\d:\d\d to 09:30 UTC, latest [\d,.]+ km$/,
    );
    // No tile server, no external image: only inline SVG.
    expect(html).not.toMatch(/<img|https?:\/\/(?!localhost)[^"]*\.(png|jpg)/);
  });

  test('stored signals younger than a minute are not read again; a failed refresh keeps them on the page with the reason', async () => {
    let fail = false;
    const reads: string[] = [];
    h = await createDashboardHarness({
      dialect,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/signals')) {
          reads.push(request.url);
          if (fail)
            return Response.json(
              {
                errors: [
                  { status: '502', type: 'UPSTREAM', code: 'NO_RESPONSE', detail: 'The OEM did not answer' },
                ],
              },
              { status: 502, headers: { 'sc-request-id': 'req-upstream' } },
            );
        }
        return h.emulator.fetch(request);
      },
    });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    await browser.get(`/vehicles/${id}`);
    await browser.get(`/vehicles/${id}`);
    await browser.get('/vehicle');
    expect(reads).toHaveLength(1);

    h.clock.advance(61_000);
    fail = true;
    const html = await (await browser.get(`/vehicles/${id}`)).text();
    expect(reads).toHaveLength(2);
    expect(pageText(html)).toContain(
      "Could not refresh from Smartcar: Your vehicle's manufacturer is not answering Smartcar right now. Please try again later. (Smartcar request req-upstream)",
    );
    expect(signalRows(html).get(SOC)?.text).toMatch(/^\d+ %$/);
    expect(pageText(await (await browser.get('/vehicle')).text())).toContain(
      "Could not refresh: Your vehicle's manufacturer",
    );
  });

  test('a forced refresh reads the signals at most once per vehicle every 30 s, even when asked for at once', async () => {
    const reads: string[] = [];
    h = await createDashboardHarness({
      dialect,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/signals')) reads.push(request.url);
        return h.emulator.fetch(request);
      },
    });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    const refresh = () => browser.submit(`/vehicles/${id}`, {}, `/vehicles/${id}/refresh`);
    await browser.get(`/vehicles/${id}`);
    const before = reads.length;

    expect((await refresh()).status).toBe(303);
    expect(reads.length).toBe(before + 1);
    const again = await Promise.all([refresh(), refresh(), refresh()]);
    expect(again.map((r) => r.status)).toEqual([303, 303, 303]);
    expect(reads.length).toBe(before + 1);
    const page = await (await browser.get(`/vehicles/${id}`)).text();
    expect(pageText(page)).toMatch(/were read from Smartcar \d+ s ago; they can be read again in \d+ s\./);

    h.clock.advance(30_000);
    await refresh();
    expect(reads.length).toBe(before + 2);
  });

  test('a vehicle page is only for the account that connected it; signed out goes to /signin', async () => {
    h = await createDashboardHarness({ dialect });
    const owner = await h.signedIn();
    const { vehicleIds } = await h.connect(owner, BEV_LOGIN);
    const stranger = await h.signedIn();
    expect((await stranger.get(`/vehicles/${vehicleIds[0]}`)).status).toBe(404);
    expect((await stranger.get(`/vehicles/${vehicleIds[0]}/events`)).status).toBe(404);
    const signedOut = await h.signedIn();
    await signedOut.signOut();
    const response = await signedOut.get(`/vehicles/${vehicleIds[0]}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/signin');
  });
});
