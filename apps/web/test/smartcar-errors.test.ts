import { APIError, ConnectionError, OAuthError, TimeoutError } from '@paddock/sdk';
import { describeSmartcarError } from '../src/features/vehicles/smartcar-error-message.js';
import { BEV_LOGIN, createDashboardHarness, type DashboardHarness } from './support/dashboard-harness.js';
import { flashes, pageText } from './support/pages.js';
import { dialects } from './support/test-database.js';

const NOW = Date.UTC(2026, 10, 28, 9, 0, 0);
const apiError = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
  APIError.fromResponse(
    status,
    { errors: [{ status: String(status), ...error }] },
    new Headers(headers),
    NOW,
  );

describe('describeSmartcarError', () => {
  test.each([
    [
      'VEHICLE_STATE by code',
      apiError(409, { type: 'VEHICLE_STATE', code: 'IN_MOTION' }),
      'Your vehicle is moving. Try again once it is parked.',
      false,
    ],
    [
      "VEHICLE_STATE with Smartcar's words and the reason",
      apiError(409, { type: 'VEHICLE_STATE', code: 'ASLEEP', suggestedUserMessage: 'Wake your car.' }),
      'Wake your car. (Reason: asleep.)',
      false,
    ],
    [
      'RATE_LIMIT with the retry-after time',
      apiError(429, { type: 'RATE_LIMIT', code: 'VEHICLE' }, { 'retry-after': '120' }),
      'Too many requests reached Smartcar. Please wait a minute and try again. Smartcar asked to wait 2 minutes (until 09:02:00 UTC).',
      false,
    ],
    [
      'AUTHENTICATION: connect again',
      apiError(401, { type: 'AUTHENTICATION', code: 'UNAUTHORIZED' }),
      'Smartcar no longer accepts the access this vehicle was connected with. Connect it again to carry on.',
      true,
    ],
    [
      'COMPATIBILITY',
      apiError(501, { type: 'COMPATIBILITY', code: 'VEHICLE_NOT_CAPABLE' }),
      "Your vehicle doesn't support what Paddock asked for.",
      false,
    ],
    [
      'UPSTREAM',
      apiError(502, { type: 'UPSTREAM', code: 'NO_RESPONSE' }),
      "Your vehicle's manufacturer is not answering Smartcar right now. Please try again later.",
      false,
    ],
    [
      'a network failure',
      new ConnectionError('ECONNREFUSED'),
      'Paddock could not reach Smartcar. Please try again in a moment.',
      false,
    ],
    ['a timeout', new TimeoutError('slow'), 'Smartcar took too long to answer. Please try again.', false],
    [
      'the app credentials refused',
      new OAuthError({ error: 'invalid_client', status: 401 } as never),
      'Paddock could not sign in to Smartcar. Please try again later.',
      false,
    ],
  ])('%s', (_name, error, message, reconnect) => {
    const problem = describeSmartcarError(error, NOW);
    expect(problem?.message).toBe(message);
    expect(problem?.reconnect).toBe(reconnect);
  });

  test('anything that is not a Smartcar error is left to the 500 handler', () => {
    expect(describeSmartcarError(new Error('bug'), NOW)).toBeUndefined();
  });
});

describe.each(dialects)('errors people can act on, on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  async function lockWithFault(fault: Record<string, unknown>) {
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    await browser.get(`/vehicles/${id}`);
    await h.control('/_emulator/faults', {
      pathPattern: '/v3/vehicles/*/commands/**',
      method: 'POST',
      count: 1,
      ...fault,
    });
    const response = await browser.submit(`/vehicles/${id}`, {}, `/vehicles/${id}/commands/lock`);
    expect(response.status).toBe(303);
    const html = await (await browser.get(`/vehicles/${id}`)).text();
    const log = await h.db.selectFrom('command_log').selectAll().where('vehicle_id', '=', id).execute();
    return { html, flash: flashes(html)[0], log: log[0] };
  }

  test.each([
    ['VEHICLE_STATE', { type: 'VEHICLE_STATE', code: 'ASLEEP' }, /\(Reason: asleep\.\)$/, false],
    [
      'RATE_LIMIT',
      { type: 'RATE_LIMIT', code: 'VEHICLE', retryAfter: 45 },
      /Smartcar asked to wait 45 seconds \(until 09:00:45 UTC\)\.$/,
      false,
    ],
    // Twice: after a 401 the SDK renews its token and tries once more.
    ['AUTHENTICATION', { type: 'AUTHENTICATION', code: 'UNAUTHORIZED', count: 2 }, /./, true],
    ['COMPATIBILITY', { type: 'COMPATIBILITY', code: 'VEHICLE_NOT_CAPABLE' }, /./, false],
    ['UPSTREAM', { type: 'UPSTREAM', code: 'NO_RESPONSE' }, /./, false],
  ])(
    '%s: the command fails with a clear message, logged with its type',
    async (type, fault, words, reconnect) => {
      h = await createDashboardHarness({ dialect });
      const { html, flash, log } = await lockWithFault(fault);
      expect(flash?.kind).toBe('error');
      expect(flash?.text).toMatch(/^Lock failed: /);
      expect(flash?.text).toMatch(words);
      expect(html.includes('<a href="/login">Connect your vehicle again</a>')).toBe(reconnect);
      expect(log).toMatchObject({ status: 'FAILED', error_type: type, error_code: fault.code });
    },
  );

  test('a network failure: the command fails with words, not a stack; the process carries on', async () => {
    let down = false;
    h = await createDashboardHarness({
      dialect,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (down && new URL(request.url).pathname.includes('/commands/'))
          throw new TypeError('fetch failed: ECONNRESET');
        return h.emulator.fetch(request);
      },
    });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const id = vehicleIds[0]!;
    down = true;
    await browser.submit(`/vehicles/${id}`, {}, `/vehicles/${id}/commands/lock`);
    const html = await (await browser.get(`/vehicles/${id}`)).text();
    expect(flashes(html)).toEqual([
      { kind: 'error', text: 'Lock failed: Paddock could not reach Smartcar. Please try again in a moment.' },
    ]);
    expect(html).not.toContain('ECONNRESET');
    expect((await browser.get('/vehicle')).status).toBe(200);
  });

  test('a hung Smartcar cannot hang the page: the read stops at the deadline and the page says so', async () => {
    // Like a real fetch (and unlike the in-process emulator), stop waiting when the signal aborts.
    const abortableFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      return Promise.race([
        h.emulator.fetch(request),
        new Promise<never>((_, fail) => {
          if (request.signal.aborted) fail(request.signal.reason);
          request.signal.addEventListener('abort', () => fail(request.signal.reason), { once: true });
        }),
      ]);
    };
    h = await createDashboardHarness({ dialect, smartcarDeadlineMs: 150, fetch: abortableFetch });
    const browser = await h.signedIn();
    const { vehicleIds } = await h.connect(browser, BEV_LOGIN);
    await h.control('/_emulator/faults', {
      latencyMs: 2000,
      pathPattern: '/v3/vehicles/*/signals',
      count: 1,
    });
    const started = Date.now();
    const response = await browser.get(`/vehicles/${vehicleIds[0]}`);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(response.status).toBe(200);
    expect(pageText(await response.text())).toContain(
      'Could not refresh from Smartcar: Smartcar took too long to answer. Please try again.',
    );
  });
});
