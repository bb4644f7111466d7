import type { Clock } from '../simulation/clock.js';
import { memoryChargeSchedules } from './charge-schedules.js';
import { memoryCommandExecutions } from './command-executions.js';
import { memoryOutbox, memorySubscriptions, memoryWebhooks } from './memory-webhooks.js';
import type {
  ApplicationRecord,
  ConnectionRecord,
  InteractionRecord,
  TokenRecord,
  UserRecord,
  VehicleRecord,
} from './records.js';
import type {
  ApplicationRepository,
  ConnectionQuery,
  ConnectionRepository,
  InteractionRepository,
  Store,
  TokenRepository,
  UserRepository,
  VehicleRepository,
} from './repositories.js';
import { memoryVehicleStates } from './vehicle-states.js';

/** Creates an empty in-memory store; expiring records are judged against `clock`. */
export function createMemoryStore(clock: Clock): Store {
  return {
    applications: memoryApplications(),
    users: ensureMap<UserRecord>() satisfies UserRepository,
    vehicles: ensureMap<VehicleRecord>() satisfies VehicleRepository,
    connections: memoryConnections(),
    tokens: memoryTokens(clock),
    interactions: memoryInteractions(clock),
    webhooks: memoryWebhooks(),
    subscriptions: memorySubscriptions(),
    outbox: memoryOutbox(),
    commandExecutions: memoryCommandExecutions(),
    chargeSchedules: memoryChargeSchedules(),
    vehicleStates: memoryVehicleStates(),
  };
}

function memoryApplications(): ApplicationRepository {
  const byId = new Map<string, ApplicationRecord>();
  const byClientId = new Map<string, string>();
  return {
    insert(app) {
      if (byId.has(app.id)) throw new Error(`An application with id ${app.id} is already registered`);
      if (byClientId.has(app.clientId)) {
        throw new Error(`An application with client id ${app.clientId} is already registered`);
      }
      byId.set(app.id, app);
      byClientId.set(app.clientId, app.id);
    },
    findById: (id) => byId.get(id),
    findByClientId: (clientId) => {
      const id = byClientId.get(clientId);
      return id === undefined ? undefined : byId.get(id);
    },
    dump: () => [...byId.values()],
    load(apps) {
      byId.clear();
      byClientId.clear();
      for (const app of apps) {
        byId.set(app.id, app);
        byClientId.set(app.clientId, app.id);
      }
    },
  };
}

/** Users and vehicles share the same "insert once, then read" behaviour. */
function ensureMap<T extends { id: string }>() {
  const items = new Map<string, T>();
  return {
    ensure(item: T): T {
      const existing = items.get(item.id);
      if (existing) return existing;
      items.set(item.id, item);
      return item;
    },
    findById: (id: string) => items.get(id),
    dump: () => [...items.values()],
    load(list: readonly T[]) {
      items.clear();
      for (const item of list) items.set(item.id, item);
    },
  };
}

function memoryConnections(): ConnectionRepository {
  // Insertion sequence breaks createdAt ties, so "newest first" stays stable on a frozen clock.
  const rows = new Map<string, { record: ConnectionRecord; seq: number }>();
  let seq = 0;
  // Connection ids by application, then vehicle, in the order of `rows`: every
  // Vehicle API call looks its connection up, and a scan of all rows made each
  // read O(connections) (100,000 vehicles: tens of milliseconds).
  const byVehicle = new Map<string, Map<string, Set<string>>>();
  const idsFor = (applicationId: string, vehicleId: string) => byVehicle.get(applicationId)?.get(vehicleId);
  const index = (c: ConnectionRecord) => {
    const vehicles = byVehicle.get(c.applicationId) ?? new Map<string, Set<string>>();
    byVehicle.set(c.applicationId, vehicles);
    const ids = vehicles.get(c.vehicleId) ?? new Set<string>();
    vehicles.set(c.vehicleId, ids);
    ids.add(c.id);
  };
  const unindex = (c: ConnectionRecord) => {
    const vehicles = byVehicle.get(c.applicationId);
    const ids = vehicles?.get(c.vehicleId);
    if (!vehicles || !ids) return;
    ids.delete(c.id);
    if (ids.size === 0) vehicles.delete(c.vehicleId);
    if (vehicles.size === 0) byVehicle.delete(c.applicationId);
  };
  const reindex = () => {
    byVehicle.clear();
    for (const { record } of rows.values()) index(record);
  };
  const matches = (c: ConnectionRecord, q: ConnectionQuery) =>
    c.applicationId === q.applicationId &&
    (q.userId === undefined || c.userId === q.userId) &&
    (q.vehicleId === undefined || c.vehicleId === q.vehicleId) &&
    (q.mode === undefined || c.mode === q.mode) &&
    (q.externalId === undefined || c.externalId === q.externalId);
  return {
    insert(record) {
      if (rows.has(record.id)) throw new Error(`Connection ${record.id} already exists`);
      rows.set(record.id, { record, seq: seq++ });
      index(record);
    },
    update(record) {
      const row = rows.get(record.id);
      if (!row) throw new Error(`Connection ${record.id} does not exist`);
      const moved =
        row.record.applicationId !== record.applicationId || row.record.vehicleId !== record.vehicleId;
      row.record = record;
      // Rare; rebuilding keeps the index in the order of `rows`.
      if (moved) reindex();
    },
    findById: (id) => rows.get(id)?.record,
    delete: (id) => {
      const row = rows.get(id);
      if (row) unindex(row.record);
      return rows.delete(id);
    },
    deleteForUser(applicationId, userId) {
      let removed = 0;
      for (const [id, { record }] of rows) {
        if (record.applicationId === applicationId && record.userId === userId && rows.delete(id)) {
          unindex(record);
          removed++;
        }
      }
      return removed;
    },
    find(applicationId, userId, vehicleId) {
      for (const id of idsFor(applicationId, vehicleId) ?? []) {
        const record = rows.get(id)?.record;
        if (record?.userId === userId) return record;
      }
      return undefined;
    },
    list(query, page) {
      const matching = [...rows.values()]
        .filter((row) => matches(row.record, query))
        .sort((a, b) => b.record.createdAt - a.record.createdAt || b.seq - a.seq);
      return {
        items: matching.slice(page.offset, page.offset + page.limit).map((row) => row.record),
        total: matching.length,
      };
    },
    findForVehicle(applicationId, vehicleId) {
      for (const id of idsFor(applicationId, vehicleId) ?? []) return rows.get(id)?.record;
      return undefined;
    },
    dump: () => [...rows.values()].map((row) => row.record),
    load(records) {
      rows.clear();
      for (const record of records) rows.set(record.id, { record, seq: seq++ });
      reindex();
    },
  };
}

/** A map whose entries vanish once `expiresAt` is reached; expired entries are swept as new ones arrive. */
function expiringMap<T extends { expiresAt: number }>(clock: Clock) {
  const items = new Map<string, T>();
  const SWEEP_EVERY = 1000;
  let insertsSinceSweep = 0;
  const sweep = () => {
    const now = clock.now();
    for (const [key, item] of items) if (item.expiresAt <= now) items.delete(key);
  };
  return {
    set(key: string, item: T) {
      if (++insertsSinceSweep >= SWEEP_EVERY) {
        insertsSinceSweep = 0;
        sweep();
      }
      items.set(key, item);
    },
    get(key: string): T | undefined {
      const item = items.get(key);
      if (item === undefined) return undefined;
      if (item.expiresAt <= clock.now()) {
        items.delete(key);
        return undefined;
      }
      return item;
    },
    has: (key: string) => items.has(key),
    delete: (key: string) => items.delete(key),
    /** Entries not yet expired. */
    values: () => [...items.values()].filter((item) => item.expiresAt > clock.now()),
    replace(entries: readonly (readonly [string, T])[]) {
      items.clear();
      for (const [key, item] of entries) items.set(key, item);
    },
  };
}

function memoryTokens(clock: Clock): TokenRepository {
  const tokens = expiringMap<TokenRecord>(clock);
  return {
    insert: (token) => tokens.set(token.tokenHash, token),
    findValid: (hash) => tokens.get(hash),
    dump: () => tokens.values(),
    load: (list) => tokens.replace(list.map((t) => [t.tokenHash, t] as const)),
  };
}

function memoryInteractions(clock: Clock): InteractionRepository {
  const interactions = expiringMap<InteractionRecord>(clock);
  return {
    insert: (interaction) => interactions.set(interaction.id, interaction),
    findValid: (id) => interactions.get(id),
    update(interaction) {
      if (!interactions.has(interaction.id)) throw new Error(`Interaction ${interaction.id} does not exist`);
      interactions.set(interaction.id, interaction);
    },
    delete: (id) => {
      interactions.delete(id);
    },
    dump: () => interactions.values(),
    load: (list) => interactions.replace(list.map((i) => [i.id, i] as const)),
  };
}
