import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, getRequestListener } from '@hono/node-server';
import { signWebhookForTest } from '@paddock/sdk';
import { sql } from 'kysely';
import { findEvent } from '../src/features/webhooks/webhook-events.repository.js';
import { MAX_WEBHOOK_BYTES } from '../src/features/webhooks/webhooks.routes.js';
import { createDashboardHarness, type DashboardHarness } from './support/dashboard-harness.js';
import { recordingLogger } from './support/logger.js';
import { stateOfChargeEvent } from './support/webhook-events.js';

// What both ways in must agree on: the status, the body, and these headers.
const COMPARED_HEADERS = [
  'content-type',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'cross-origin-opener-policy',
  'referrer-policy',
];

describe('webhook deliveries on the direct path (as main.ts serves them) and through Hono', () => {
  let h: DashboardHarness;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await h?.close();
  });

  /** The app on a free port: `direct` as main.ts serves it, else Hono alone. */
  async function serve(direct: boolean): Promise<string> {
    const viaHono = getRequestListener(h.app.fetch);
    const server = direct
      ? createServer((req, res) => {
          if (!h.app.serveDirect(req, res)) void viaHono(req, res);
        })
      : createAdaptorServer({ fetch: h.app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function answer(response: Response) {
    const headers = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)]));
    return { status: response.status, body: await response.text(), headers };
  }

  test('answer alike: stored, duplicate, bad signature, not an event, too large; and log the same lines', async () => {
    const log = recordingLogger();
    h = await createDashboardHarness({ logger: log.logger });
    const token = h.credentials.managementToken;
    const [direct, hono] = [await serve(true), await serve(false)];
    log.entries.length = 0; // the harness's own VERIFY
    const post = (origin: string, body: string, headers: Record<string, string>) =>
      fetch(`${origin}/webhooks/smartcar`, { method: 'POST', headers, body }).then(answer);
    const event = (eventId: string) =>
      stateOfChargeEvent({ eventId, vehicleId: 'v-direct', percent: 40, at: h.clock.now() });

    const cases: [string, (suffix: string) => { body: string; headers: Record<string, string> }][] = [
      ['stored', (s) => signWebhookForTest(event(`e-${s}`), token)],
      ['duplicate', (s) => signWebhookForTest(event(`e-${s}`), token)],
      ['bad signature', (s) => ({ body: event(`bad-${s}`), headers: { 'sc-signature': 'ab'.repeat(32) } })],
      ['not an event', () => signWebhookForTest('{"hello":"world"}', token)],
      ['too large', () => signWebhookForTest(`{"x":"${'x'.repeat(MAX_WEBHOOK_BYTES)}"}`, token)],
    ];
    for (const [name, make] of cases) {
      const suffix = name === 'duplicate' ? 'stored' : name.replaceAll(' ', '-');
      const a = make(`${suffix}-direct`);
      const b = make(`${suffix}-hono`);
      const viaDirect = await post(direct, a.body, a.headers);
      const viaHono = await post(hono, b.body, b.headers);
      expect(viaDirect, name).toEqual(viaHono);
      expect(viaDirect.headers['content-security-policy'], name).toContain("frame-ancestors 'none'");
    }
    expect(
      (await post(direct, event('e-last'), signWebhookForTest(event('e-last'), token).headers)).status,
    ).toBe(200);
    expect(await findEvent(h.db, 'e-stored-direct')).toBeDefined();
    expect(await findEvent(h.db, 'e-last')).toBeDefined();
    expect(await findEvent(h.db, 'bad-bad-signature-direct')).toBeUndefined();

    // One request line per delivery either way, with an id that the route's own lines carry too.
    const requests = log.entries.filter((e) => e.msg === 'request' && e.fields.path === '/webhooks/smartcar');
    expect(requests.map((e) => e.fields.status)).toEqual([
      200, 200, 200, 200, 401, 401, 400, 400, 413, 413, 200,
    ]);
    const stored = log.entries.filter((e) => e.msg === 'webhook stored');
    expect(stored).toHaveLength(5);
    const ids = new Set(requests.map((e) => e.fields.requestId));
    expect(ids.size).toBe(requests.length);
  });

  test('answer alike when the event cannot be stored: 500 with the request id, nothing acknowledged, the process carries on', async () => {
    const log = recordingLogger();
    h = await createDashboardHarness({ logger: log.logger });
    const token = h.credentials.managementToken;
    const [direct, hono] = [await serve(true), await serve(false)];
    await sql`drop table webhook_events`.execute(h.db);
    const results = [];
    for (const origin of [direct, hono]) {
      const body = stateOfChargeEvent({
        eventId: `e-${origin}`,
        vehicleId: 'v-1',
        percent: 5,
        at: h.clock.now(),
      });
      const signed = signWebhookForTest(body, token);
      const response = await fetch(`${origin}/webhooks/smartcar`, {
        method: 'POST',
        headers: signed.headers,
        body,
      });
      const json = (await response.json()) as { error: string; requestId: string };
      results.push({ status: response.status, error: json.error });
      const line = log.entries.find((e) => e.msg === 'webhook not stored' && e.level === 'error');
      expect(line).toBeDefined();
      expect(log.entries.some((e) => e.msg === 'request' && e.fields.requestId === json.requestId)).toBe(
        true,
      );
      log.entries.length = 0;
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]?.status).toBe(500);
    // Still serving.
    expect((await fetch(`${direct}/signin`)).status).toBe(200);
  });

  test('leaves everything else to Hono: other methods, a query string, and an app without webhooks', async () => {
    h = await createDashboardHarness({});
    const direct = await serve(true);
    expect((await fetch(`${direct}/webhooks/smartcar`)).status).toBe(404);
    const body = stateOfChargeEvent({ eventId: 'e-query', vehicleId: 'v-q', percent: 9, at: h.clock.now() });
    const signed = signWebhookForTest(body, h.credentials.managementToken);
    const viaQuery = await fetch(`${direct}/webhooks/smartcar?source=test`, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    expect(viaQuery.status).toBe(200);
    expect(await findEvent(h.db, 'e-query')).toBeDefined();
    await h.close();

    h = await createDashboardHarness({ webhooks: false });
    const unconfigured = await serve(true);
    const refused = await fetch(`${unconfigured}/webhooks/smartcar`, {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: 'webhooks are not configured' });
  });
});
