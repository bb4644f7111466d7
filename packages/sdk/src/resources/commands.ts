import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import { type CommandExecution, parseCommandExecution } from '../parse/command.js';
import { APIResource, assertId, assertNumberInRange } from './resource.js';

/** A point on the map in decimal degrees (WGS 84). */
export interface Coordinates {
  /** −90 to 90. */
  latitude: number;
  /** −180 to 180. */
  longitude: number;
}

/**
 * Vehicle commands (reference §3.5): `POST /v3/vehicles/{id}/commands/…`.
 *
 * Every command needs a `userId`. A long-running command is answered `202`
 * at once and its final `command-execution` body follows on the same
 * response: the call waits for it, up to the client's `commandTimeout`
 * (default 310 s) unless the call sets `timeout`. A failure that arrives in
 * that final body throws the same error a synchronous one would (e.g.
 * `VehicleStateError` `IN_MOTION`). Commands are never retried unless the call
 * gives an `idempotencyKey`, which then goes with every attempt.
 */
export class Commands extends APIResource {
  /** Locks the doors (`security/lock`, permission `control_security`). */
  lock(vehicleId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    return this.#send(vehicleId, 'security/lock', undefined, options);
  }

  /** Unlocks the doors (`security/unlock`, permission `control_security`). */
  unlock(vehicleId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    return this.#send(vehicleId, 'security/unlock', undefined, options);
  }

  /** Starts charging (`charge/start`, `control_charge`); 409 `CHARGING_PLUG_NOT_CONNECTED` when unplugged. */
  startCharge(vehicleId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    return this.#send(vehicleId, 'charge/start', undefined, options);
  }

  /** Stops charging (`charge/stop`, `control_charge`); 409 `NOT_CHARGING` when it is not. */
  stopCharge(vehicleId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    return this.#send(vehicleId, 'charge/stop', undefined, options);
  }

  /**
   * Sets the charge limit (`charge/set-limit`, `control_charge`).
   * @param percent 0–100 here; Smartcar accepts 50–100 and answers 400 `VALIDATION` otherwise
   */
  setChargeLimit(vehicleId: string, percent: number, options?: RequestOptions): APIPromise<CommandExecution> {
    assertNumberInRange('percent', percent, 0, 100);
    return this.#send(vehicleId, 'charge/set-limit', { percent }, options);
  }

  /** Opens the charge-port door (`charge-port/open`, `control_charge`). */
  openChargePort(vehicleId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    return this.#send(vehicleId, 'charge-port/open', undefined, options);
  }

  /** Closes the charge-port door (`charge-port/close`, `control_charge`). */
  closeChargePort(vehicleId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    return this.#send(vehicleId, 'charge-port/close', undefined, options);
  }

  /** Sends a destination to the navigation system (`navigation/set-destination`, `control_navigation`). */
  setDestination(
    vehicleId: string,
    destination: Coordinates,
    options?: RequestOptions,
  ): APIPromise<CommandExecution> {
    if (typeof destination !== 'object' || destination === null) {
      throw new TypeError('destination must be { latitude, longitude }');
    }
    assertNumberInRange('latitude', destination.latitude, -90, 90);
    assertNumberInRange('longitude', destination.longitude, -180, 180);
    const { latitude, longitude } = destination;
    return this.#send(vehicleId, 'navigation/set-destination', { latitude, longitude }, options);
  }

  /** A recorded command execution (`GET /v3/vehicles/{id}/commands/{executionId}`). Retried like any read. */
  retrieve(vehicleId: string, executionId: string, options?: RequestOptions): APIPromise<CommandExecution> {
    assertId('vehicleId', vehicleId);
    assertId('executionId', executionId);
    this.requireUserId(options, 'commands.retrieve');
    return this.call(
      { surface: 'vehicleApi', method: 'GET', path: path`/v3/vehicles/${vehicleId}/commands/${executionId}` },
      options,
      parseCommandExecution,
    );
  }

  #send(
    vehicleId: string,
    command: string,
    attributes: Record<string, unknown> | undefined,
    options: RequestOptions | undefined,
  ): APIPromise<CommandExecution> {
    assertId('vehicleId', vehicleId);
    this.requireUserId(options, `commands ${command}`);
    // `command` is one of the literals above, so only the vehicle id needs encoding.
    return this.call(
      {
        surface: 'vehicleApi',
        method: 'POST',
        path: `${path`/v3/vehicles/${vehicleId}`}/commands/${command}`,
        body: attributes === undefined ? undefined : { data: { attributes } },
        isCommand: true,
      },
      options,
      parseCommandExecution,
    );
  }
}
