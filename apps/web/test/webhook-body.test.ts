import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { signWebhookForTest } from '@paddock/sdk';
import { findEvent } from '../src/features/webhooks/webhook-events.repository.js';
import { MAX_WEBHOOK_BYTES } from '../src/features/webhooks/webhooks.routes.js';
import { createDashboardHarness, type DashboardHarness } from './support/dashboard-harness.js';
import { deliver, stateOfChargeEvent } from './support/webhook-events.js';

// The route reads Node's request itself when served by @hono/node-server, and the WHATWG body otherwise.
describe('webhook bodies', () => {
  let h: DashboardHarness;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
    await h?.close();
  });

  /** Serves the app on a free port, as main.ts does. */
  async function serve(): Promise<string> {
    const server = createAdaptorServer({ fetch: h.app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/smartcar`;
  }

  const oversized = () => JSON.stringify({ eventId: 'big', padding: 'x'.repeat(MAX_WEBHOOK_BYTES) });

  test('over a socket: a signed event is stored; a body over 1 MiB, declared or streamed, is 413 and stores nothing', async () => {
    h = await createDashboardHarness({});
    const url = await serve();
    const token = h.credentials.managementToken;
    const body = stateOfChargeEvent({
      eventId: 'e-socket',
      vehicleId: 'v-1',
      percent: 61,
      at: h.clock.now(),
    });
    const signed = signWebhookForTest(body, token);
    const stored = await fetch(url, { method: 'POST', headers: signed.headers, body });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ received: true, duplicate: false });
    expect(await findEvent(h.db, 'e-socket')).toMatchObject({ body });

    const big = signWebhookForTest(oversized(), token);
    const declared = await fetch(url, { method: 'POST', headers: big.headers, body: big.body });
    expect(declared.status).toBe(413);
    // Without Content-Length (chunked), the limit is found while reading.
    const chunks = new TextEncoder().encode(big.body);
    const streamed = await fetch(url, {
      method: 'POST',
      headers: big.headers,
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < chunks.length; i += 64 * 1024)
            controller.enqueue(chunks.slice(i, i + 64 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await findEvent(h.db, 'big')).toBeUndefined();

    // The server goes on answering.
    const again = await fetch(url, { method: 'POST', headers: signed.headers, body });
    expect(await again.json()).toEqual({ received: true, duplicate: true });
  });

  test('in process: a body over 1 MiB is 413 and stores nothing', async () => {
    h = await createDashboardHarness({});
    const response = await deliver(h.app, oversized(), h.credentials.managementToken);
    expect(response.status).toBe(413);
    expect(await findEvent(h.db, 'big')).toBeUndefined();
  });
});
