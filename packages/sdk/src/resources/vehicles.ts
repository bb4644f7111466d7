import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import { parseVehicle, type Vehicle } from '../parse/vehicle.js';
import { APIResource, assertId } from './resource.js';

/** `/v3/vehicles/{vehicleId}` (reference §3.3). */
export class Vehicles extends APIResource {
  /**
   * A vehicle's make, model, year, powertrain and mode. Needs no `sc-user-id`.
   * @throws NotFoundError (`VEHICLE_NOT_FOUND`) for an unknown id
   */
  retrieve(vehicleId: string, options?: RequestOptions): APIPromise<Vehicle> {
    assertId('vehicleId', vehicleId);
    return this.call(
      { surface: 'vehicleApi', method: 'GET', path: path`/v3/vehicles/${vehicleId}` },
      options,
      (response) => parseVehicle(response.body),
    );
  }
}
