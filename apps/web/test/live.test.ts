import { createLiveHub } from '../src/features/live/live-hub.js';
import {
  BEV_LOGIN,
  createDashboardHarness,
  type DashboardHarness,
  eventually,
} from './support/dashboard-harness.js';
import { pictureLabels } from './support/pages.js';
import { dialects } from './support/test-database.js';
import { deliver, stateOfChargeEvent } from './support/webhook-events.js';

/** Reads server-sent events from a response until one of `name` arrives. */
function eventReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(name: string, timeoutMs = 2000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const event = block.match(/^event: (.+)$/m)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (event === name) {
            buffer = blocks.slice(blocks.indexOf(block) + 1).join('\n\n') + (buffer ? `\n\n${buffer}` : '');
            return data;
          }
        }
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, fail) =>
            setTimeout(() => fail(new Error(`no ${name} event`)), deadline - Date.now()),
          ),
        ]);
        if (chunk.done) throw new Error(`stream ended before ${name}`);
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

describe.each(dialects)('live updates on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  test("a webhook for the vehicle reaches its open page's stream as re-rendered fragments; a closed stream stops listening", async () => {
    const hub = createLiveHub();
    h = await createDashboardHarness({ dialect, live: hub });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    await browser.get(`/vehicles/${id}`);
    const response = await browser.get(`/vehicles/${id}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = eventReader(response);
    await events.next('ready');

    const at = h.clock.now() + 1000;
    await deliver(
      h.app,
      stateOfChargeEvent({ eventId: 'live-1', vehicleId: id, percent: 12, at }),
      h.credentials.managementToken,
    );
    const { fragments } = JSON.parse(await events.next('fragments')) as {
      fragments: { id: string; html: string }[];
    };
    expect(fragments.map((f) => f.id)).toEqual([
      `summary-${id}`,
      `commands-${id}`,
      `pictures-${id}`,
      `signals-${id}`,
      `problems-${id}`,
    ]);
    const summary = fragments[0]!.html;
    expect(summary.startsWith(`<div id="summary-${id}"`)).toBe(true);
    expect(pictureLabels(summary)).toContain('Battery 12 %');
    expect(hub.listenerCount()).toBe(1);
    await events.close();
    await eventually(() => hub.listenerCount() === 0, 'the stream to unsubscribe');
  });

  test('the dashboard stream sends the summary of whichever vehicle changed; a duplicate sends nothing', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    await browser.get('/vehicle');
    const events = eventReader(await browser.get('/vehicle/events'));
    await events.next('ready');
    const target = vehicleIds[1]!;
    const body = stateOfChargeEvent({
      eventId: 'dash-1',
      vehicleId: target,
      percent: 77,
      at: h.clock.now() + 1000,
    });
    await deliver(h.app, body, h.credentials.managementToken);
    const first = JSON.parse(await events.next('fragments')) as { fragments: { id: string }[] };
    expect(first.fragments.map((f) => f.id)).toEqual([`summary-${target}`, `problem-count-${target}`]);
    await deliver(h.app, body, h.credentials.managementToken);
    await expect(events.next('fragments', 200)).rejects.toThrow('no fragments event');
    await events.close();
  });

  test('after a disconnect the dashboard stream sends nothing more about that vehicle; the vehicle page stream ends', async () => {
    h = await createDashboardHarness({ dialect });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, '2-vehicles@smartcar.com');
    const [gone, kept] = vehicleIds as [string, string];
    await browser.get('/vehicle');
    const dashboard = eventReader(await browser.get('/vehicle/events'));
    await dashboard.next('ready');
    const page = eventReader(await browser.get(`/vehicles/${gone}/events`));
    await page.next('ready');

    expect((await browser.submit(`/vehicles/${gone}/disconnect`, {})).status).toBe(303);
    const at = h.clock.now() + 1000;
    const token = h.credentials.managementToken;
    await deliver(h.app, stateOfChargeEvent({ eventId: 'after-1', vehicleId: gone, percent: 5, at }), token);
    await expect(page.next('fragments', 1000)).rejects.toThrow('stream ended before fragments');
    // The vehicle still held keeps updating, and its change is the first the dashboard hears of.
    await deliver(h.app, stateOfChargeEvent({ eventId: 'after-2', vehicleId: kept, percent: 6, at }), token);
    const { fragments } = JSON.parse(await dashboard.next('fragments')) as { fragments: { id: string }[] };
    expect(fragments.map((f) => f.id)).toEqual([`summary-${kept}`, `problem-count-${kept}`]);
    await dashboard.close();
    await page.close();
  });

  test('after signing out, open streams end instead of sending more', async () => {
    const hub = createLiveHub();
    h = await createDashboardHarness({ dialect, live: hub });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    await browser.get(`/vehicles/${id}`);
    const dashboard = eventReader(await browser.get('/vehicle/events'));
    await dashboard.next('ready');
    const page = eventReader(await browser.get(`/vehicles/${id}/events`));
    await page.next('ready');

    expect((await browser.signOut(`/vehicles/${id}`)).status).toBe(303);
    const at = h.clock.now() + 1000;
    await deliver(
      h.app,
      stateOfChargeEvent({ eventId: 'signed-out', vehicleId: id, percent: 9, at }),
      h.credentials.managementToken,
    );
    await expect(dashboard.next('fragments', 300)).rejects.toThrow('stream ended before fragments');
    await expect(page.next('fragments', 300)).rejects.toThrow('stream ended before fragments');
    await eventually(() => hub.listenerCount() === 0, 'the streams to unsubscribe');
  });

  test('closing the hub (shutdown) ends every open stream, so the server can close their connections', async () => {
    const hub = createLiveHub();
    h = await createDashboardHarness({ dialect, live: hub });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    await browser.get(`/vehicles/${id}`);
    const dashboard = eventReader(await browser.get('/vehicle/events'));
    await dashboard.next('ready');
    const page = eventReader(await browser.get(`/vehicles/${id}/events`));
    await page.next('ready');
    expect(hub.listenerCount()).toBe(2);

    await hub.close();
    expect(hub.listenerCount()).toBe(0);
    await expect(dashboard.next('fragments', 1000)).rejects.toThrow('stream ended before fragments');
    await expect(page.next('fragments', 1000)).rejects.toThrow('stream ended before fragments');
    // A stream opened after the close ends at once.
    const late = eventReader(await browser.get(`/vehicles/${id}/events`));
    await expect(late.next('fragments', 1000)).rejects.toThrow('stream ended before fragments');
  });

  test('streams need a session and a vehicle of the account; /assets/live.js is same-origin script and the CSP allows only that', async () => {
    h = await createDashboardHarness({ dialect });
    const signedOut = await h.app.request('http://localhost:8000/vehicle/events');
    expect(signedOut.status).toBe(401);
    const browser = await h.signedIn();
    expect((await browser.get('/vehicles/not-mine/events')).status).toBe(404);
    // Another account's real vehicle is refused the same way.
    const owner = await h.signedIn();
    const { vehicleIds: theirs } = await h.connect(owner, '1-vehicles@smartcar.com');
    expect((await owner.get(`/vehicles/${theirs[0]}/events`)).status).toBe(200);
    expect((await browser.get(`/vehicles/${theirs[0]}/events`)).status).toBe(404);

    const script = await h.app.request('http://localhost:8000/assets/live.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("new EventSource(status.getAttribute('data-live-src'))");
    await h.connect(browser, BEV_LOGIN);
    const page = await browser.get('/vehicle');
    const csp = page.headers.get('content-security-policy')!;
    // Scripts from our origin only: no 'unsafe-inline', no hosts, no nonces.
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).toBe("script-src 'self'");
    const html = await page.text();
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/assets/live.js" defer="">',
    ]);
  });
});
