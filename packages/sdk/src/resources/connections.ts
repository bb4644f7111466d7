import type { VehicleMode } from '@paddock/contract';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import type { QueryValue } from '../core/request.js';
import {
  CONNECTION_FILTERS,
  MAX_PAGE_SIZE,
  PAGE_NUMBER_PARAM,
  PAGE_SIZE_PARAM,
  VEHICLE_MODES,
} from '../core/wire.js';
import { Page, type PagePromise } from '../pagination.js';
import { type Connection, parseConnectionList, parseJsonApiConnection } from '../parse/connection.js';
import { obj } from '../parse/json.js';
import { APIResource, assertId, assertInteger, rootObject } from './resource.js';

/** Filters and paging of `GET /v3/connections`. */
export interface ConnectionListParams {
  /** Only this user's connections (`filter[userId]`). Default the user a `forUser()` view binds. */
  userId?: string;
  /** Only this vehicle's connections (`filter[vehicleId]`). */
  vehicleId?: string;
  /** `filter[vehicle.mode]`; Smartcar defaults to `live`, hiding simulated vehicles. */
  vehicleMode?: VehicleMode;
  /** Connect's `external_id` (`filter[user.externalId]`). */
  externalId?: string;
  /** Items per page, 1–100 (`page[size]`); server default 10. */
  pageSize?: number;
  /** First page to fetch, 1-based (`page[number]`). Default 1. */
  pageNumber?: number;
}

/** `/v3/connections` (reference §3.2). Connections calls need no `sc-user-id`. */
export class Connections extends APIResource {
  /**
   * Lists connections, in the JSON:API shape or the guide's `connections[]`.
   * `await` it for one page, or `for await` over it to walk every page
   * through the server's `links.next`.
   * @throws TypeError synchronously for bad params
   */
  list(params: ConnectionListParams = {}, options?: RequestOptions): PagePromise<Connection> {
    const query = toQuery({ ...params, userId: params.userId ?? this.boundUserId });
    return this.paginate<Connection>(
      { surface: 'vehicleApi', method: 'GET', path: '/v3/connections', query },
      options,
      (response, load) => {
        const page = parseConnectionList(response.body);
        return new Page({ ...page, data: page.items, response }, load);
      },
    );
  }

  /**
   * One connection by its id (`GET /v3/connections/{id}`). Smartcar's launch
   * post writes this path with a vehicle id; servers that accept one answer too.
   * @throws NotFoundError for an unknown id
   */
  retrieve(connectionId: string, options?: RequestOptions): APIPromise<Connection> {
    assertId('connectionId', connectionId);
    return this.call(
      { surface: 'vehicleApi', method: 'GET', path: path`/v3/connections/${connectionId}` },
      options,
      (response) => {
        const root = rootObject(response.body, 'Connection');
        return parseJsonApiConnection(obj(root.data) ?? root);
      },
    );
  }

  /**
   * Revokes a connection: the vehicle is disconnected for that user
   * (`DELETE /v3/connections/{id}`, 204).
   */
  delete(connectionId: string, options?: RequestOptions): APIPromise<void> {
    assertId('connectionId', connectionId);
    return this.call(
      { surface: 'vehicleApi', method: 'DELETE', path: path`/v3/connections/${connectionId}` },
      options,
      () => undefined,
    );
  }
}

function toQuery(params: ConnectionListParams): Record<string, QueryValue> {
  const { userId, vehicleId, vehicleMode, externalId, pageSize, pageNumber } = params;
  if (userId !== undefined) assertId('userId', userId);
  if (vehicleId !== undefined) assertId('vehicleId', vehicleId);
  if (externalId !== undefined) assertId('externalId', externalId);
  if (vehicleMode !== undefined && !VEHICLE_MODES.includes(vehicleMode)) {
    throw new TypeError(`vehicleMode must be 'live' or 'simulated', got ${JSON.stringify(vehicleMode)}`);
  }
  assertInteger('pageSize', pageSize, 1, MAX_PAGE_SIZE);
  assertInteger('pageNumber', pageNumber, 1, Number.MAX_SAFE_INTEGER);
  return {
    [CONNECTION_FILTERS.userId]: userId,
    [CONNECTION_FILTERS.vehicleId]: vehicleId,
    [CONNECTION_FILTERS.vehicleMode]: vehicleMode,
    [CONNECTION_FILTERS.userExternalId]: externalId,
    [PAGE_NUMBER_PARAM]: pageNumber,
    [PAGE_SIZE_PARAM]: pageSize,
  };
}
