import type { SignalCode } from '@paddock/contract';
import { Page, type PageInit } from '../pagination.js';
import {
  type IncludedVehicle,
  normaliseSignal,
  type Signal,
  type SignalBodyOf,
  signalCode,
} from '../parse/signal.js';

/** A signal code: one of the catalogue (typed body) or any other string (open body). */
export type AnySignalCode = SignalCode | (string & {});

/** What {@link SignalList} is built from: the raw `data[]` of the response, normalised on first read. */
export interface SignalListInit extends Omit<PageInit<Signal>, 'data'> {
  /** The raw `data[]` items as the server sent them. */
  raw: unknown[];
  vehicle?: IncludedVehicle;
}

/** The accessor pair of `SignalList#data`, shared by every instance (filled in by the class). */
const DATA_PROPERTY: PropertyDescriptor = { configurable: true, enumerable: true };

/**
 * The signals of a vehicle: `data` in the server's order, `get(code)` typed per code.
 *
 * Every item's code is checked when the page is built, so a malformed list
 * still fails the call; the rest of each signal (body units, timestamps,
 * links, error) is normalised when it is first read. A full list holds about
 * a hundred signals and most callers read a few of them.
 */
export class SignalList extends Page<Signal> {
  /** `included.vehicle` of the response, when the server sent it. */
  readonly vehicle: IncludedVehicle | undefined;
  readonly #raw: unknown[];
  readonly #codes: string[];
  readonly #parsed: (Signal | undefined)[];
  #data: Signal[] | undefined;

  /** Built from normalised `data`, or from the response's `raw` items (normalised on first read). */
  constructor(
    init: (PageInit<Signal> & { vehicle?: IncludedVehicle }) | SignalListInit,
    load: (link: string) => Promise<Page<Signal>>,
  ) {
    // Page's constructor assigns `data` through the prototype's accessor, which ignores it here.
    super('raw' in init ? { ...init, data: [] } : init, load);
    this.vehicle = init.vehicle;
    if ('raw' in init) {
      this.#raw = init.raw;
      this.#codes = init.raw.map((item, i) => signalCode(item, i));
      this.#parsed = new Array<Signal | undefined>(init.raw.length);
    } else {
      this.#raw = this.#codes = this.#parsed = [];
      this.#data = init.data;
    }
    // `data` stays an own, enumerable property as on every Page. Defining it
    // with one shared accessor pair keeps every list on one hidden class.
    Object.defineProperty(this, 'data', DATA_PROPERTY);
  }

  /** The signal with this code on this page, typed per code; `undefined` when absent. */
  get<C extends AnySignalCode>(code: C): Signal<C> | undefined {
    if (this.#data !== undefined) return this.#data.find((s) => s.code === code) as Signal<C> | undefined;
    const i = this.#codes.indexOf(code);
    return i < 0 ? undefined : (this.#at(i) as Signal<C>);
  }

  /** The body of a successful signal, typed per code; `undefined` when absent or failed. */
  body<C extends AnySignalCode>(code: C): SignalBodyOf<C> | undefined {
    const signal = this.get(code);
    return signal?.status === 'SUCCESS' ? signal.body : undefined;
  }

  #at(i: number): Signal {
    let signal = this.#parsed[i];
    if (signal === undefined) {
      signal = normaliseSignal(this.#raw[i], this.#codes[i] as string);
      this.#parsed[i] = signal;
    }
    return signal;
  }

  static {
    DATA_PROPERTY.get = function (this: SignalList): Signal[] {
      this.#data ??= this.#raw.map((_, i) => this.#at(i));
      return this.#data;
    };
    DATA_PROPERTY.set = function (this: SignalList, value: Signal[]): void {
      // Called by Page's constructor before this class's fields exist: nothing to keep then.
      if (#raw in this) this.#data = value;
    };
    Object.defineProperty(SignalList.prototype, 'data', DATA_PROPERTY);
  }
}
