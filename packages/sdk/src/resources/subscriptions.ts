import type { VehicleMode } from '@paddock/contract';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import { VEHICLE_MODES } from '../core/wire.js';
import type { PagePromise } from '../pagination.js';
import { obj, str } from '../parse/json.js';
import { parseSubscription, type Subscription } from '../parse/management.js';
import { APIResource, assertId, dataOf, type PageParams, pageQuery, rootObject } from './resource.js';

/** Filters and paging of `GET /v3/subscriptions`. */
export interface SubscriptionListParams extends PageParams {
  /** `filter[userId]`. */
  userId?: string;
  /** `filter[webhookId]`. */
  webhookId?: string;
  /** `filter[vehicleId]`. */
  vehicleId?: string;
  /** `filter[vehicle.mode]`; Smartcar defaults to `live`. */
  vehicleMode?: VehicleMode;
}

/** What `POST /v3/subscriptions` subscribes: one user's vehicle to one webhook. */
export interface SubscriptionCreateParams {
  webhookId: string;
  userId: string;
  vehicleId: string;
}

/** Answer of `subscriptions.create()`: accepted (202); the subscription then shows in the list. */
export interface SubscriptionCreated {
  /** HTTP status, 202. */
  status: number;
  /** e.g. `subscription creation in progress`. */
  message: string | undefined;
}

/**
 * Subscriptions of the Management API (reference §4.2), on the management
 * origin with the application token.
 */
export class Subscriptions extends APIResource {
  /** Lists subscriptions (server page size 25, at most 100). `for await` walks every page. */
  list(params: SubscriptionListParams = {}, options?: RequestOptions): PagePromise<Subscription> {
    const { userId, webhookId, vehicleId, vehicleMode } = params;
    for (const [name, value] of Object.entries({ userId, webhookId, vehicleId })) {
      if (value !== undefined) assertId(name, value);
    }
    if (vehicleMode !== undefined && !VEHICLE_MODES.includes(vehicleMode)) {
      throw new TypeError(`vehicleMode must be 'live' or 'simulated', got ${JSON.stringify(vehicleMode)}`);
    }
    const query = {
      'filter[userId]': userId,
      'filter[webhookId]': webhookId,
      'filter[vehicleId]': vehicleId,
      'filter[vehicle.mode]': vehicleMode,
      ...pageQuery(params),
    };
    return this.paginateData(
      { surface: 'managementApi', method: 'GET', path: '/v3/subscriptions', query },
      options,
      'Subscription list',
      parseSubscription,
    );
  }

  /** One subscription. @throws NotFoundError for an unknown id */
  retrieve(subscriptionId: string, options?: RequestOptions): APIPromise<Subscription> {
    assertId('subscriptionId', subscriptionId);
    return this.call(
      { surface: 'managementApi', method: 'GET', path: path`/v3/subscriptions/${subscriptionId}` },
      options,
      (response) => parseSubscription(dataOf(response.body, 'Subscription')),
    );
  }

  /**
   * Subscribes a vehicle to a webhook; a `FIRST_DELIVERY` event follows.
   * Not retried without an `idempotencyKey`.
   * @throws ConflictError (409) when the vehicle is already subscribed
   */
  create(params: SubscriptionCreateParams, options?: RequestOptions): APIPromise<SubscriptionCreated> {
    if (typeof params !== 'object' || params === null) {
      throw new TypeError('subscriptions.create needs { webhookId, userId, vehicleId }');
    }
    const { webhookId, userId, vehicleId } = params;
    assertId('webhookId', webhookId);
    assertId('userId', userId);
    assertId('vehicleId', vehicleId);
    return this.call(
      {
        surface: 'managementApi',
        method: 'POST',
        path: '/v3/subscriptions',
        body: { data: { attributes: { webhookId, userId, vehicleId } } },
      },
      options,
      (response) => ({
        status: response.status,
        message:
          response.body === undefined
            ? undefined
            : str(obj(rootObject(response.body, 'Subscription').meta)?.message),
      }),
    );
  }

  /** Ends a subscription (`DELETE /v3/subscriptions/{id}`). */
  delete(subscriptionId: string, options?: RequestOptions): APIPromise<void> {
    assertId('subscriptionId', subscriptionId);
    return this.call(
      { surface: 'managementApi', method: 'DELETE', path: path`/v3/subscriptions/${subscriptionId}` },
      options,
      () => undefined,
    );
  }
}
