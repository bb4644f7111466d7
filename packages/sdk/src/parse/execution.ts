import { ERROR_TYPE_STATUS } from '../core/wire.js';
import { APIError, InvalidResponseError } from '../errors.js';
import { type JsonObject, num, obj, str } from './json.js';
import { readLinks } from './page.js';
import { parseTimestamp } from './timestamp.js';

/** What every execution record (command or charge schedule) carries. */
export interface ExecutionBase {
  /** Execution id, e.g. `exec_01HX…`. */
  id: string;
  /** `status.value`: `SUCCESS` once done; other values as the server sends them. */
  status: string;
  /** `sync`, or `async` for a long-running execution answered `202` first. */
  executionMode?: string;
  /** The parameters the server recorded, e.g. `{ percent: 80 }`. */
  parameters: Record<string, unknown>;
  /** The HTTP status of the response: 200, or 202 for a long-running execution. */
  httpStatus: number;
  links: Record<string, string>;
}

/**
 * The resource of an execution body, or the error it carries: a long-running
 * command has already sent `202` when it fails, so its failure arrives as a
 * `{errors:[…]}` body or as `status.value: ERROR` with `status.error`. Both
 * become the same {@link APIError} a synchronous failure would be.
 */
export function readExecution(
  body: unknown,
  headers: Headers,
  what: string,
): { resource: JsonObject; attributes: JsonObject; status: string } {
  const root = obj(body);
  if (root === undefined) throw new InvalidResponseError(`${what} response is not a JSON object`);
  if (Array.isArray(root.errors) && root.errors.length > 0) {
    const first = obj(root.errors[0]) ?? {};
    throw APIError.fromResponse(statusOf(first), root, headers);
  }
  const resource = obj(root.data) ?? root;
  const attributes = obj(resource.attributes) ?? resource;
  const statusObject = obj(attributes.status);
  const status = str(statusObject?.value) ?? str(attributes.status) ?? 'UNKNOWN';
  const error = obj(statusObject?.error);
  if (error !== undefined && status.toUpperCase() !== 'SUCCESS') {
    throw APIError.fromResponse(statusOf(error), { errors: [error] }, headers);
  }
  if (status.toUpperCase() === 'FAILED') {
    const detail = `The vehicle did not carry out the ${what.toLowerCase()}`;
    throw APIError.fromResponse(500, { errors: [{ type: 'SERVER', code: 'UNKNOWN', detail }] }, headers);
  }
  if (str(resource.id) === undefined) throw new InvalidResponseError(`${what} response has no id`);
  return { resource, attributes, status };
}

/** Fields shared by command and schedule executions. */
export function executionBase(read: ReturnType<typeof readExecution>, httpStatus: number): ExecutionBase {
  const { resource, attributes, status } = read;
  const base: ExecutionBase = {
    id: str(resource.id) as string,
    status,
    parameters: obj(attributes.parameters) ?? {},
    httpStatus,
    links: readLinks(resource.links),
  };
  const mode = str(attributes.executionMode);
  if (mode) base.executionMode = mode;
  return base;
}

/** A `Date` from a meta field in any timestamp form, when present. */
export function metaDate(meta: unknown, key: string): Date | undefined {
  return parseTimestamp(obj(meta)?.[key]);
}

/** A number from a meta field, when present. */
export function metaNumber(meta: unknown, key: string): number | undefined {
  return num(obj(meta)?.[key]);
}

function statusOf(error: JsonObject): number {
  const stated = num(error.status);
  if (stated !== undefined && stated >= 400) return stated;
  const type = str(error.type);
  return (type !== undefined ? ERROR_TYPE_STATUS[type] : undefined) ?? 500;
}
