import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { ALL, pageWindow } from '../management-api/query.js';
import { parsePage } from '../vehicle-api/pagination.js';
import { applicationView } from './control-views.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Read-only listings of the control surface: applications, users, connections (vehicles: `/_emulator/vehicles`). */
export function listingRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store } = deps;
  const paged = <T>(url: string, items: T[]) => {
    const page = parsePage(new URL(url).searchParams, 50);
    const { offset, limit } = pageWindow(page);
    return { data: items.slice(offset, offset + limit), meta: { ...page, totalCount: items.length } };
  };

  app.get('/_emulator/applications', (c) =>
    c.json({
      data: store.applications.dump().map((a) => ({
        ...applicationView(a),
        webhooks: store.webhooks.list({ applicationId: a.id }, ALL).total,
        connections: store.connections.list({ applicationId: a.id }, { offset: 0, limit: 0 }).total,
      })),
    }),
  );

  app.get('/_emulator/users', (c) =>
    c.json(
      paged(
        c.req.url,
        store.users.dump().map((u) => ({ id: u.id, email: u.email, createdAt: iso(u.createdAt) })),
      ),
    ),
  );

  app.get('/_emulator/connections', (c) => {
    const all = store.connections.dump().map((x) => ({
      id: x.id,
      applicationId: x.applicationId,
      userId: x.userId,
      vehicleId: x.vehicleId,
      mode: x.mode,
      permissions: x.permissions,
      externalId: x.externalId ?? null,
      createdAt: iso(x.createdAt),
    }));
    return c.json(paged(c.req.url, all));
  });

  return app;
}
