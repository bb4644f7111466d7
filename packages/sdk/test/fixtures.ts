/** Wire bodies in the shapes of reference §3.2, §3.3 and §11, including the ⚠ variants. */

export function jsonApiConnection(i: number, extra: { createdAt?: unknown; externalId?: string } = {}) {
  return {
    id: `conn-${i}`,
    type: 'connection',
    attributes: {
      permissions: ['read_battery', 'read_vehicle_info'],
      vehicle: { make: 'VOLKSWAGEN', model: 'ID.4', year: 2023, mode: 'live', powertrainType: 'BEV' },
      user: extra.externalId ? { id: 'user-1', externalId: extra.externalId } : { id: 'user-1' },
    },
    relationships: {
      vehicle: {
        data: { id: `veh-${i}`, type: 'vehicle' },
        links: { related: `https://vehicle.api.smartcar.com/v3/vehicles/veh-${i}` },
      },
      user: { data: { id: 'user-1', type: 'user' } },
    },
    meta: { createdAt: extra.createdAt ?? '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-01T10:00:00.000Z' },
    links: { self: `https://vehicle.api.smartcar.com/v3/connections/conn-${i}` },
  };
}

export function connectionPage(items: unknown[], meta: Record<string, unknown>, next: string | null) {
  return {
    data: items,
    meta,
    links: { self: 'https://vehicle.api.smartcar.com/v3/connections', first: '', last: '', next, prev: null },
  };
}

/** The getting-started guide's body: `const { connections } = await res.json()`. */
export const guideConnectionsBody = {
  connections: [
    {
      vehicleId: 'veh-g1',
      userId: 'user-g',
      connectedAt: '2026-05-02T08:00:00Z',
      permissions: ['read_vehicle_info'],
      mode: 'simulated',
    },
    { vehicleId: 'veh-g2', userId: 'user-g', connectedAt: 1746172532, permissions: [], mode: 'live' },
  ],
};
