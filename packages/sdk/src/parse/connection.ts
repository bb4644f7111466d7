import { InvalidResponseError } from '../errors.js';
import { isObject, type JsonObject, num, obj, str, strings } from './json.js';
import { parseTimestamp } from './timestamp.js';

/** A (user, vehicle) grant with its permissions, normalised from either wire shape. */
export interface Connection {
  /** Connection id (JSON:API shape only; the guide's flat shape has none). */
  id?: string;
  userId: string;
  vehicleId: string;
  permissions: string[];
  vehicle?: { make?: string; model?: string; year?: number; mode?: string; powertrainType?: string };
  createdAt?: Date;
  externalId?: string;
}

/** One page of `GET /v3/connections`, normalised. */
export interface ConnectionListPage {
  items: Connection[];
  totalCount?: number;
  pageNumber?: number;
  pageSize?: number;
  /** `links.next` as the server wrote it (absolute or relative); null on the last page. */
  next: string | null;
}

/**
 * Reads the connection list in either of Smartcar's documented shapes: the
 * JSON:API `data[]` of reference §3.2 or the guide's top-level `connections[]`
 * of §11. When both are present `data` wins: it carries more (ids, vehicle).
 */
export function parseConnectionList(body: unknown): ConnectionListPage {
  const root = obj(body);
  if (root === undefined) throw new InvalidResponseError('Connection list response is not a JSON object');
  let items: Connection[];
  if (Array.isArray(root.data)) items = root.data.map((item, i) => parseJsonApiConnection(item, i));
  else if (Array.isArray(root.connections))
    items = root.connections.map((item, i) => parseGuideConnection(item, i));
  else throw new InvalidResponseError('Connection list response has neither data[] nor connections[]');

  const meta = obj(root.meta);
  const links = obj(root.links);
  return {
    items,
    totalCount: num(meta?.totalCount),
    pageNumber: num(meta?.pageNumber) ?? num(meta?.page),
    pageSize: num(meta?.pageSize),
    next: str(links?.next) ?? null,
  };
}

/** A JSON:API connection resource, in a list or under `{ data }`. */
export function parseJsonApiConnection(item: unknown, index = 0): Connection {
  const resource = requireObject(item, index);
  const attributes = obj(resource.attributes) ?? {};
  const relationships = obj(resource.relationships);
  const user = obj(attributes.user);
  const vehicle = obj(attributes.vehicle);
  const vehicleId = str(obj(obj(relationships?.vehicle)?.data)?.id) ?? str(vehicle?.id);
  const userId = str(obj(obj(relationships?.user)?.data)?.id) ?? str(user?.id);
  const connection = requireIds(index, userId, vehicleId, strings(attributes.permissions));
  const id = str(resource.id);
  if (id) connection.id = id;
  if (vehicle) connection.vehicle = readVehicleSummary(vehicle);
  const createdAt = parseTimestamp(obj(resource.meta)?.createdAt ?? attributes.createdAt);
  if (createdAt) connection.createdAt = createdAt;
  const externalId = str(user?.externalId);
  if (externalId) connection.externalId = externalId;
  return connection;
}

/** The guide's flat `{ vehicleId, userId, connectedAt, permissions, mode }`. */
export function parseGuideConnection(item: unknown, index = 0): Connection {
  const flat = requireObject(item, index);
  const connection = requireIds(index, str(flat.userId), str(flat.vehicleId), strings(flat.permissions));
  const mode = str(flat.mode);
  if (mode) connection.vehicle = { mode };
  const createdAt = parseTimestamp(flat.connectedAt ?? flat.createdAt);
  if (createdAt) connection.createdAt = createdAt;
  const externalId = str(flat.externalId);
  if (externalId) connection.externalId = externalId;
  return connection;
}

function requireObject(item: unknown, index: number): JsonObject {
  if (!isObject(item)) throw new InvalidResponseError(`Connection #${index} is not an object`);
  return item;
}

function requireIds(
  index: number,
  userId: string | undefined,
  vehicleId: string | undefined,
  permissions: string[],
): Connection {
  if (userId === undefined || vehicleId === undefined) {
    const missing = [userId === undefined && 'userId', vehicleId === undefined && 'vehicleId'].filter(
      Boolean,
    );
    throw new InvalidResponseError(`Connection #${index} lacks ${missing.join(' and ')}`);
  }
  return { userId, vehicleId, permissions };
}

function readVehicleSummary(v: JsonObject): NonNullable<Connection['vehicle']> {
  const out: NonNullable<Connection['vehicle']> = {};
  const make = str(v.make);
  const model = str(v.model);
  const year = num(v.year);
  const mode = str(v.mode);
  const powertrainType = str(v.powertrainType);
  if (make) out.make = make;
  if (model) out.model = model;
  if (year !== undefined) out.year = year;
  if (mode) out.mode = mode;
  if (powertrainType) out.powertrainType = powertrainType;
  return out;
}
