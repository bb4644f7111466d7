import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import { APIResource, assertId } from './resource.js';

/** `/v3/users/{userId}` (reference §3.2). */
export class Users extends APIResource {
  /**
   * Deletes a user and every one of their connections (`DELETE /v3/users/{id}`, 204).
   * @throws NotFoundError for an unknown user
   */
  delete(userId: string, options?: RequestOptions): APIPromise<void> {
    assertId('userId', userId);
    return this.call(
      { surface: 'vehicleApi', method: 'DELETE', path: path`/v3/users/${userId}` },
      options,
      () => undefined,
    );
  }
}
