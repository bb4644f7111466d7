import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import { InvalidResponseError } from '../errors.js';
import type { PagePromise } from '../pagination.js';
import { obj } from '../parse/json.js';
import { readPageInfo } from '../parse/page.js';
import { parseIncludedVehicle, parseSignal, type Signal } from '../parse/signal.js';
import { APIResource, assertId, rootObject } from './resource.js';
import { type AnySignalCode, SignalList } from './signal-list.js';

export { type AnySignalCode, SignalList } from './signal-list.js';

/** `/v3/vehicles/{id}/signals` (reference §3.4). Every call needs a `userId`. */
export class Signals extends APIResource {
  /**
   * Every signal the connection may read. A signal that failed (no permission,
   * not on this powertrain, vehicle asleep…) is in the list with status `ERROR`
   * or `UNAVAILABLE` and its `error`; the call itself does not fail.
   * Accepts `meta.pageNumber` or `meta.page`; `for await` walks `links.next` if a server pages.
   * @throws TypeError synchronously without a `userId`
   */
  list(vehicleId: string, options?: RequestOptions): PagePromise<Signal, SignalList> {
    assertId('vehicleId', vehicleId);
    this.requireUserId(options, 'signals.list');
    return this.paginate<Signal, SignalList>(
      { surface: 'vehicleApi', method: 'GET', path: path`/v3/vehicles/${vehicleId}/signals` },
      options,
      (response, load) => {
        const root = rootObject(response.body, 'Signal list');
        if (!Array.isArray(root.data)) throw new InvalidResponseError('Signal list response has no data[]');
        const vehicle = parseIncludedVehicle(root.included);
        return new SignalList({ ...readPageInfo(root), raw: root.data, vehicle, response }, load);
      },
    );
  }

  /**
   * One signal. Its `body` is typed per code: for `tractionbattery-stateofcharge`
   * it is `{ value: number | null, unit: 'percent' }`. The signal may be at the
   * top level of the response or under `data` (⚠ §3.4); both are read.
   * @throws NotFoundError (`SIGNAL_NOT_FOUND`) for a code the vehicle does not have
   * @throws TypeError synchronously without a `userId`
   */
  retrieve<C extends AnySignalCode>(
    vehicleId: string,
    code: C,
    options?: RequestOptions,
  ): APIPromise<Signal<C>> {
    assertId('vehicleId', vehicleId);
    assertId('code', code);
    this.requireUserId(options, 'signals.retrieve');
    return this.call(
      { surface: 'vehicleApi', method: 'GET', path: path`/v3/vehicles/${vehicleId}/signals/${code}` },
      options,
      (response) => {
        const root = rootObject(response.body, 'Signal');
        return parseSignal(obj(root.data) ?? root) as Signal<C>;
      },
    );
  }
}
