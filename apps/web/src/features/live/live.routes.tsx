import { type Context, Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppEnv } from '../../http/context.js';
import { CommandLog } from '../commands/views/command-log.js';
import type { SignalsService } from '../signals/signals.service.js';
import type { DashboardService } from '../vehicles/dashboard.service.js';
import { listAccountVehicles } from '../vehicles/vehicles.repository.js';
import { SignalSections } from '../vehicles/views/signal-sections.js';
import { VehiclePictures } from '../vehicles/views/vehicle-pictures.js';
import { VehicleSummary } from '../vehicles/views/vehicle-summary.js';
import type { LiveHub, VehicleChange } from './live-hub.js';

/** A comment line this often keeps proxies from closing an idle stream, in ms (25 s). */
const KEEPALIVE_MS = 25_000;
/** Streams end after this long (10 min) and the browser reconnects, so a signed-out session stops getting data. */
const MAX_STREAM_MS = 10 * 60_000;

export interface LiveRoutesDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly hub: LiveHub;
  readonly dashboard: DashboardService;
  readonly signals: SignalsService;
}

/** One element to replace on the page: its id and its new HTML. */
interface Fragment {
  readonly id: string;
  readonly html: string;
}

/**
 * Server-sent events for open pages: `GET /vehicles/:id/events` (one
 * vehicle's page) and `GET /vehicle/events` (the dashboard). Each change the
 * hub reports is answered with freshly rendered fragments, read from the
 * store, which `/assets/live.js` swaps in.
 */
export function liveRoutes({ db, clock, hub, dashboard, signals }: LiveRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/vehicles/:id/events', async (c) => {
    const session = c.var.session;
    if (session === null) return c.text('Sign in first.', 401);
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (row === undefined) return c.text('No such vehicle.', 404);
    return stream(c, [row.vehicle_id], async () => {
      const now = clock.now();
      // Re-read the row too: a disconnect elsewhere ends the updates.
      const current = await dashboard.connectedVehicle(session.accountId, row.vehicle_id);
      if (current === undefined) return [];
      const d = await dashboard.detail(current, { refresh: 'never' });
      const id = current.vehicle_id;
      return Promise.all([
        fragment(
          <VehicleSummary vehicleId={id} powertrain={current.powertrain} signals={d.signals} now={now} />,
          `summary-${id}`,
        ),
        fragment(<CommandLog vehicleId={id} entries={d.commands} now={now} />, `commands-${id}`),
        fragment(
          <VehiclePictures
            vehicleId={id}
            levelKind={d.levelKind}
            level={d.level}
            odometer={d.odometer}
            odometerUnit={d.odometerUnit}
            track={d.track}
          />,
          `pictures-${id}`,
        ),
        fragment(<SignalSections vehicleId={id} signals={d.signals} now={now} />, `signals-${id}`),
      ]);
    });
  });

  app.get('/vehicle/events', async (c) => {
    const session = c.var.session;
    if (session === null) return c.text('Sign in first.', 401);
    const rows = await listAccountVehicles(db, session.accountId);
    const powertrains = new Map(rows.map((r) => [r.vehicle_id, r.powertrain]));
    return stream(c, [...powertrains.keys()], async (changes) => {
      const now = clock.now();
      const changed = [...new Set(changes.map((ch) => ch.vehicleId))];
      return Promise.all(
        changed.map(async (id) =>
          fragment(
            <VehicleSummary
              vehicleId={id}
              powertrain={powertrains.get(id)}
              signals={await signals.latest(id)}
              now={now}
            />,
            `summary-${id}`,
          ),
        ),
      );
    });
  });

  /** Streams fragments for every batch of changes to these vehicles until the browser leaves or time is up. */
  function stream(
    c: Context<AppEnv>,
    vehicleIds: readonly string[],
    render: (changes: VehicleChange[]) => Promise<Fragment[]>,
  ) {
    c.header('Cache-Control', 'no-store');
    // Tells nginx-style proxies not to buffer the stream.
    c.header('X-Accel-Buffering', 'no');
    const log = c.var.logger;
    return streamSSE(
      c,
      async (sse: SSEStreamingApi) => {
        const queue: VehicleChange[] = [];
        let wake: (() => void) | undefined;
        const stops = vehicleIds.map((id) =>
          hub.subscribe(id, (change) => {
            queue.push(change);
            wake?.();
          }),
        );
        sse.onAbort(() => wake?.());
        const endAt = Date.now() + MAX_STREAM_MS;
        try {
          await sse.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
          while (!sse.aborted && !sse.closed && Date.now() < endAt) {
            if (queue.length === 0) {
              let timer: NodeJS.Timeout | undefined;
              await new Promise<void>((resolve) => {
                wake = resolve;
                timer = setTimeout(resolve, Math.min(KEEPALIVE_MS, Math.max(0, endAt - Date.now())));
              });
              clearTimeout(timer);
              wake = undefined;
              if (queue.length === 0) {
                if (!sse.aborted) await sse.write(': keep-alive\n\n');
                continue;
              }
            }
            const fragments = await render(queue.splice(0));
            if (fragments.length > 0)
              await sse.writeSSE({ event: 'fragments', data: JSON.stringify({ fragments }) });
          }
        } finally {
          for (const stop of stops) stop();
        }
      },
      async (error) => {
        log.warn({ err: error }, 'live update stream failed');
      },
    );
  }

  return app;
}

async function fragment(element: unknown, id: string): Promise<Fragment> {
  return { id, html: String(await (element as { toString(): string | Promise<string> }).toString()) };
}
