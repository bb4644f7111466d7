import {
  CONNECTION_FILTERS,
  CONNECTIONS_DEFAULT_PAGE_SIZE,
  type ConnectionListResponse,
  HEADER_USER_ID,
  type VehicleMode,
  vehicleModeSchema,
} from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import type { ConnectionRecord } from '../store/records.js';
import { bearerAuth } from './bearer-auth.js';
import { pageLinks, parsePage } from './pagination.js';
import { serializeConnection, serializeGuideConnection } from './serializers.js';

function parseMode(raw: string | null): VehicleMode {
  // Simulated connections are hidden unless asked for (reference §1.5).
  if (raw === null) return 'live';
  const parsed = vehicleModeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', {
      detail: `${CONNECTION_FILTERS.vehicleMode} must be "live" or "simulated"; got "${raw}".`,
    });
  }
  return parsed.data;
}

/** `GET /v3/connections`, `GET` and `DELETE /v3/connections/{id}` (reference §3.2 and §11). */
export function connectionRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const { store } = deps;
  const auth = bearerAuth(deps);

  const serialize = (origin: string, c: ConnectionRecord) => {
    const vehicle = store.vehicles.findById(c.vehicleId);
    if (!vehicle) throw new Error(`Connection ${c.id} refers to missing vehicle ${c.vehicleId}`);
    return serializeConnection(origin, c, vehicle);
  };

  app.get('/v3/connections', auth, (c) => {
    const url = new URL(c.req.url);
    const q = url.searchParams;
    const page = parsePage(q, CONNECTIONS_DEFAULT_PAGE_SIZE);
    const { items, total } = store.connections.list(
      {
        applicationId: c.get('application').id,
        userId: q.get(CONNECTION_FILTERS.userId) ?? c.req.header(HEADER_USER_ID) ?? undefined,
        vehicleId: q.get(CONNECTION_FILTERS.vehicleId) ?? undefined,
        externalId: q.get(CONNECTION_FILTERS.userExternalId) ?? undefined,
        mode: parseMode(q.get(CONNECTION_FILTERS.vehicleMode)),
      },
      { offset: (page.pageNumber - 1) * page.pageSize, limit: page.pageSize },
    );
    const body: ConnectionListResponse = {
      data: items.map((item) => serialize(url.origin, item)),
      meta: { ...page, totalCount: total, orderBy: 'createdAt', orderDirection: 'DESC' },
      links: pageLinks(c.req.url, page, total),
      connections: items.map(serializeGuideConnection),
    };
    return c.json(body);
  });

  const connectionNotFound = (id: string) =>
    new ApiError('RESOURCE_NOT_FOUND', 'CONNECTION_NOT_FOUND', {
      detail: `Connection with ID ${id} not found`,
    });

  /** The application's connection with this id, or none (another application's is as good as unknown). */
  const ownConnection = (applicationId: string, id: string) => {
    const connection = store.connections.findById(id);
    return connection?.applicationId === applicationId ? connection : undefined;
  };

  app.get('/v3/connections/:connectionId', auth, (c) => {
    const id = c.req.param('connectionId');
    const applicationId = c.get('application').id;
    // ⚠ §3.2: the blog writes GET /connections/:vehicleId, so a vehicle id resolves
    // too: that user's connection when sc-user-id is sent, else the newest one.
    const userId = c.req.header(HEADER_USER_ID);
    const connection =
      ownConnection(applicationId, id) ??
      (userId
        ? store.connections.find(applicationId, userId, id)
        : store.connections.list({ applicationId, vehicleId: id }, { offset: 0, limit: 1 }).items[0]);
    if (!connection) throw connectionNotFound(id);
    return c.json({ data: serialize(originOf(c.req.url), connection) });
  });

  // Revoking a connection removes the vehicle from that user's grant to this application (§3.2).
  app.delete('/v3/connections/:connectionId', auth, (c) => {
    const id = c.req.param('connectionId');
    if (!ownConnection(c.get('application').id, id)) throw connectionNotFound(id);
    store.connections.delete(id);
    return c.body(null, 204);
  });

  return app;
}
