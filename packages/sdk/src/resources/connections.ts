import {
  CONNECTION_FILTERS,
  MAX_PAGE_SIZE,
  PAGE_NUMBER_PARAM,
  PAGE_SIZE_PARAM,
  type VehicleMode,
} from '@paddock/contract';
import type { RequestOptions } from '../core/options.js';
import type { QueryValue } from '../core/request.js';
import { Page, PagePromise } from '../pagination.js';
import { type Connection, parseConnectionList } from '../parse/connection.js';
import { APIResource, assertId } from './resource.js';

/** Filters and paging of `GET /v3/connections`. */
export interface ConnectionListParams {
  /** Only this user's connections (`filter[userId]`). */
  userId?: string;
  /** Only this vehicle's connections (`filter[vehicleId]`). */
  vehicleId?: string;
  /** `filter[vehicle.mode]`; Smartcar defaults to `live`, hiding simulated vehicles. */
  vehicleMode?: VehicleMode;
  /** Connect's `external_id` (`filter[user.externalId]`). */
  externalId?: string;
  /** Items per page, 1–100 (`page[size]`); server default 10. */
  pageSize?: number;
  /** First page to fetch, 1-based (`page[number]`). */
  pageNumber?: number;
}

/** `/v3/connections` (reference §3.2). */
export class Connections extends APIResource {
  /**
   * Lists connections. `await` it for one page, or `for await` over it to walk
   * every page through the server's `links.next`.
   * @throws TypeError synchronously for bad params
   */
  list(params: ConnectionListParams = {}, options?: RequestOptions): PagePromise<Connection> {
    const query = toQuery(params);
    const load = async (spec: {
      path: string;
      query?: Record<string, QueryValue>;
    }): Promise<Page<Connection>> => {
      const res = await this.request({ surface: 'vehicleApi', method: 'GET', ...spec }, options);
      const page = parseConnectionList(res.body);
      return new Page({ ...page, data: page.items }, (next) => load({ path: next }));
    };
    return new PagePromise(() => load({ path: '/v3/connections', query }));
  }
}

function toQuery(params: ConnectionListParams): Record<string, QueryValue> {
  const { userId, vehicleId, vehicleMode, externalId, pageSize, pageNumber } = params;
  if (userId !== undefined) assertId('userId', userId);
  if (vehicleId !== undefined) assertId('vehicleId', vehicleId);
  if (externalId !== undefined) assertId('externalId', externalId);
  if (vehicleMode !== undefined && vehicleMode !== 'live' && vehicleMode !== 'simulated') {
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

function assertInteger(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}
