import {
  BEV_LOGIN,
  createDashboardHarness,
  type DashboardHarness,
  eventually,
} from './support/dashboard-harness.js';
import type { TestBrowser } from './support/harness.js';
import { flashes } from './support/pages.js';
import { dialects } from './support/test-database.js';

describe.each(dialects)('commands on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  async function setUp(options: { commandWaitMs?: number } = {}) {
    h = await createDashboardHarness({ dialect, ...options });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    return { browser, vehicleId: vehicleIds[0]! };
  }

  const page = (id: string) => `/vehicles/${id}`;
  const send = (browser: TestBrowser, id: string, command: string, fields: Record<string, string> = {}) =>
    browser.submit(page(id), fields, `${page(id)}/commands/${command}`);
  const commandLog = (id: string) =>
    h.db.selectFrom('command_log').selectAll().where('vehicle_id', '=', id).orderBy('created_at').execute();
  const emulatorLocked = async (id: string) => {
    const view = (await h.control(`/_emulator/vehicles/${id}`, undefined, 'GET')) as {
      data: { signals: Record<string, { body?: { value?: unknown } }> };
    };
    return view.data.signals['closure-islocked']?.body?.value;
  };

  test('unlock then lock: POSTs with the CSRF token, a redirect back, the results shown once, the vehicle changed and each command logged', async () => {
    const { browser, vehicleId } = await setUp();
    expect((await send(browser, vehicleId, 'unlock')).status).toBe(303);
    expect(await emulatorLocked(vehicleId)).toBe(false);
    const response = await send(browser, vehicleId, 'lock');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(page(vehicleId));
    expect(await emulatorLocked(vehicleId)).toBe(true);

    const html = await (await browser.get(page(vehicleId))).text();
    // (The page opened to take the CSRF token for "lock" showed "Unlocked." and took it.)
    expect(flashes(html)).toEqual([{ kind: 'success', text: 'Locked.' }]);
    expect(html).toMatch(/<li data-status="SUCCEEDED" data-command="lock">/);
    // Shown once: the message was taken.
    expect(await (await browser.get(page(vehicleId))).text()).not.toContain('flash-success');

    const log = await commandLog(vehicleId);
    expect(log).toMatchObject([
      { command: 'unlock', status: 'SUCCEEDED', error_type: null },
      { command: 'lock', status: 'SUCCEEDED', error_type: null },
    ]);
    expect(log[1]!.request_id).toBeTruthy();
  });

  test("a refused command shows Smartcar's words and is logged FAILED with its type and code", async () => {
    const { browser, vehicleId } = await setUp();
    // Unplugged: starting a charge is refused with VEHICLE_STATE / CHARGING_PLUG_NOT_CONNECTED.
    await send(browser, vehicleId, 'start-charge');
    const html = await (await browser.get(page(vehicleId))).text();
    expect(flashes(html)).toEqual([
      {
        kind: 'error',
        text: 'Start charging failed: Your vehicle cannot do that right now. (Reason: charging plug not connected.)',
      },
    ]);
    const [entry] = await commandLog(vehicleId);
    expect(entry).toMatchObject({
      command: 'start-charge',
      status: 'FAILED',
      error_type: 'VEHICLE_STATE',
      error_code: 'CHARGING_PLUG_NOT_CONNECTED',
    });
    expect(entry!.error_message).toBeTruthy();
  });

  test('a long-running command shows as pending, then its outcome once the call ends in the background', async () => {
    const { browser, vehicleId } = await setUp({ commandWaitMs: 20 });
    // 400 ms at the emulator, answered 202 after 100 ms: longer than the request waits.
    await h.control('/_emulator/settings/commands', { delayMs: 400, longRunningAfterMs: 100 }, 'PUT');
    expect((await send(browser, vehicleId, 'set-charge-limit', { percent: '90' })).status).toBe(303);
    const pending = await (await browser.get(page(vehicleId))).text();
    expect(flashes(pending)).toEqual([
      {
        kind: 'info',
        text: 'Set charge limit to 90 %: sent, waiting for the vehicle to answer. Its outcome will show in the command log.',
      },
    ]);
    expect(pending).toMatch(/<li data-status="PENDING" data-command="set-charge-limit">/);
    expect(await commandLog(vehicleId)).toMatchObject([{ status: 'PENDING', parameters: '{"percent":90}' }]);

    await eventually(
      async () => (await commandLog(vehicleId))[0]?.status === 'SUCCEEDED',
      'the command to end',
    );
    const done = await (await browser.get(page(vehicleId))).text();
    expect(done).toMatch(/<li data-status="SUCCEEDED" data-command="set-charge-limit">/);
  });

  test.each([
    ['an injected 500', 'server-error'],
    ['a dropped connection', 'dropped'],
  ] as const)(
    'with the SDK’s default retries, a command failing with %s is POSTed exactly once',
    async (_, failure) => {
      // Neither Smartcar nor the emulator de-duplicates commands by key, so a retried POST is a second command.
      const posts: { idempotencyKey: string | null }[] = [];
      h = await createDashboardHarness({
        dialect,
        maxRetries: 'sdk-default',
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (request.method === 'POST' && new URL(request.url).pathname.includes('/commands/')) {
            posts.push({ idempotencyKey: request.headers.get('idempotency-key') });
            if (failure === 'dropped') throw new TypeError('fetch failed: socket hang up');
          }
          return h.emulator.fetch(request);
        },
      });
      const browser = await h.signedIn();
      const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
      const vehicleId = vehicleIds[0]!;
      if (failure === 'server-error') {
        await h.control('/_emulator/faults', {
          type: 'SERVER',
          code: 'INTERNAL',
          pathPattern: '/v3/vehicles/*/commands/**',
          method: 'POST',
        });
      }
      expect((await send(browser, vehicleId, 'unlock')).status).toBe(303);
      expect(await commandLog(vehicleId)).toMatchObject([{ command: 'unlock', status: 'FAILED' }]);
      expect(posts).toEqual([{ idempotencyKey: null }]);
      expect(await emulatorLocked(vehicleId)).toBe(true);
    },
  );

  test('parameters are checked before anything is sent or logged', async () => {
    const { browser, vehicleId } = await setUp();
    await send(browser, vehicleId, 'set-charge-limit', { percent: '30' });
    expect(flashes(await (await browser.get(page(vehicleId))).text())).toEqual([
      { kind: 'error', text: 'The charge limit must be a whole number from 50 to 100 %.' },
    ]);
    await send(browser, vehicleId, 'send-destination', { latitude: '91', longitude: '0' });
    expect(flashes(await (await browser.get(page(vehicleId))).text())).toEqual([
      { kind: 'error', text: 'The latitude must be a number from -90 to 90.' },
    ]);
    expect(await commandLog(vehicleId)).toEqual([]);
  });

  test('a destination reaches the vehicle', async () => {
    const { browser, vehicleId } = await setUp();
    await send(browser, vehicleId, 'send-destination', { latitude: '39.7392', longitude: '-104.9903' });
    expect(flashes(await (await browser.get(page(vehicleId))).text())).toEqual([
      { kind: 'success', text: 'Destination sent to the vehicle’s navigation.' },
    ]);
    expect(await commandLog(vehicleId)).toMatchObject([
      {
        command: 'send-destination',
        status: 'SUCCEEDED',
        parameters: '{"latitude":39.7392,"longitude":-104.9903}',
      },
    ]);
  });

  test('without the CSRF token nothing is sent; another account cannot command the vehicle; unknown commands are 404', async () => {
    const { browser, vehicleId } = await setUp();
    expect((await browser.post(`${page(vehicleId)}/commands/lock`, {})).status).toBe(403);
    const stranger = await h.signedIn();
    expect((await stranger.submit('/login', {}, `${page(vehicleId)}/commands/lock`)).status).toBe(404);
    expect((await stranger.get(page(vehicleId))).status).toBe(404);
    expect(
      (await browser.submit(page(vehicleId), {}, `${page(vehicleId)}/commands/self-destruct`)).status,
    ).toBe(404);
    expect(await commandLog(vehicleId)).toEqual([]);
  });
});
