/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { type Context, Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppEnv } from '../../http/context.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../http/jsx.js';
import { findActiveSession } from '../accounts/sessions.repository.js';
import { CommandLog } from '../commands/views/command-log.js';
import type { SignalsService } from '../signals/signals.service.js';
import { countVehicleProblems } from '../vehicle-errors/vehicle-errors.repository.js';
import {
  ProblemCount,
  problemCountId,
  problemsId,
  VehicleProblems,
} from '../vehicle-errors/views/vehicle-problems.js';
import type { DashboardService } from '../vehicles/dashboard.service.js';
import { listAccountVehicles } from '../vehicles/vehicles.repository.js';
import { SignalSections } from '../vehicles/views/signal-sections.js';
import { VehiclePictures } from '../vehicles/views/vehicle-pictures.js';
import { VehicleSummary } from '../vehicles/views/vehicle-summary.js';
import { vehiclePath } from '../vehicles/views/vehicles.page.js';
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
    const session = c.get('session');
    if (session === null) return c.text('Sign in first.', 401);
    const row = await dashboard.connectedVehicle(session.accountId, c.req.param('id'));
    if (row === undefined) return c.text('No such vehicle.', 404);
    const vehicleId = row.vehicle_id;
    const allowed = async () => {
      if (!(await sessionActive(session.idHash))) return null;
      // A disconnect elsewhere ends the updates.
      return (await dashboard.connectedVehicle(session.accountId, vehicleId)) ? new Set([vehicleId]) : null;
    };
    return stream(c, [vehicleId], allowed, async () => {
      const now = clock.now();
      const current = await dashboard.connectedVehicle(session.accountId, vehicleId);
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
        fragment(<VehicleProblems vehicleId={id} problems={d.problems} now={now} />, problemsId(id)),
      ]);
    });
  });

  app.get('/vehicle/events', async (c) => {
    const session = c.get('session');
    if (session === null) return c.text('Sign in first.', 401);
    const rows = await listAccountVehicles(db, session.accountId);
    const powertrains = new Map(rows.map((r) => [r.vehicle_id, r.powertrain]));
    const users = new Map(rows.map((r) => [r.vehicle_id, r.smartcar_user_id]));
    // Whose vehicles is read again for every change: a vehicle disconnected meanwhile is left out.
    const allowed = async () => {
      if (!(await sessionActive(session.idHash))) return null;
      return new Set((await listAccountVehicles(db, session.accountId)).map((r) => r.vehicle_id));
    };
    return stream(c, [...powertrains.keys()], allowed, async (changes) => {
      const now = clock.now();
      const changed = [...new Set(changes.map((ch) => ch.vehicleId))];
      const fragments = await Promise.all(
        changed.map(async (id) => [
          await fragment(
            <VehicleSummary
              vehicleId={id}
              powertrain={powertrains.get(id)}
              signals={await signals.latest(id)}
              now={now}
            />,
            `summary-${id}`,
          ),
          await fragment(
            <ProblemCount
              vehicleId={id}
              count={await countVehicleProblems(db, id, users.get(id) ?? '')}
              href={vehiclePath(id)}
            />,
            problemCountId(id),
          ),
        ]),
      );
      return fragments.flat();
    });
  });

  const sessionActive = async (idHash: string) =>
    (await findActiveSession(db, idHash, clock.now())) !== undefined;

  /**
   * Streams fragments for every batch of changes to these vehicles until the
   * browser leaves or time is up. Before each batch and each keep-alive,
   * `allowed` says which of them the viewer may still see (null: none, the
   * session is gone): the others stop being listened to, and the stream ends
   * when none is left.
   */
  function stream(
    c: Context<AppEnv>,
    vehicleIds: readonly string[],
    allowed: () => Promise<ReadonlySet<string> | null>,
    render: (changes: VehicleChange[]) => Promise<Fragment[]>,
  ) {
    c.header('Cache-Control', 'no-store');
    // Tells nginx-style proxies not to buffer the stream.
    c.header('X-Accel-Buffering', 'no');
    const log = c.get('logger');
    return streamSSE(
      c,
      async (sse: SSEStreamingApi) => {
        const queue: VehicleChange[] = [];
        let wake: (() => void) | undefined;
        const stops = new Map(
          vehicleIds.map((id) => [
            id,
            hub.subscribe(id, (change) => {
              queue.push(change);
              wake?.();
            }),
          ]),
        );
        /** Drops what may no longer be seen; false when nothing is left. */
        const recheck = async () => {
          const ids = await allowed();
          for (const [id, stop] of stops) {
            if (ids?.has(id)) continue;
            stop();
            stops.delete(id);
          }
          return stops.size > 0;
        };
        // Shutdown: end now, so the server can close this connection.
        let closing = false;
        const stopClosing = hub.onClose(() => {
          closing = true;
          wake?.();
        });
        sse.onAbort(() => wake?.());
        const endAt = Date.now() + MAX_STREAM_MS;
        try {
          await sse.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
          while (!closing && !sse.aborted && !sse.closed && Date.now() < endAt) {
            if (queue.length === 0) {
              let timer: NodeJS.Timeout | undefined;
              await new Promise<void>((resolve) => {
                wake = resolve;
                timer = setTimeout(resolve, Math.min(KEEPALIVE_MS, Math.max(0, endAt - Date.now())));
              });
              clearTimeout(timer);
              wake = undefined;
              if (closing) break;
              if (queue.length === 0) {
                if (!(await recheck())) break;
                if (!sse.aborted) await sse.write(': keep-alive\n\n');
                continue;
              }
            }
            if (!(await recheck())) break;
            const changes = queue.splice(0).filter((change) => stops.has(change.vehicleId));
            if (changes.length === 0) continue;
            const fragments = await render(changes);
            if (fragments.length > 0)
              await sse.writeSSE({ event: 'fragments', data: JSON.stringify({ fragments }) });
          }
        } finally {
          stopClosing();
          for (const stop of stops.values()) stop();
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
