import type { SignalBody, SignalCode } from '@paddock/contract';
import { InvalidResponseError } from '../errors.js';
import { isObject, type JsonObject, obj, str } from './json.js';
import { readLinks } from './page.js';
import { normaliseUnit } from './signal-units.js';
import { parseTimestamp } from './timestamp.js';

/** Outcome of one signal: a value, an error, or not available on this vehicle. */
export type SignalStatus = 'SUCCESS' | 'ERROR' | 'UNAVAILABLE';

/** The typed body of a catalogue code; an open record for codes the catalogue does not know. */
export type SignalBodyOf<C extends string> = C extends SignalCode ? SignalBody<C> : Record<string, unknown>;

/** Why a signal has no value (`status.error`), e.g. `VEHICLE_STATE`/`NOT_CHARGING` or `PERMISSION`. */
export interface SignalError {
  type: string;
  code: string | null;
  title?: string;
  detail?: string;
  resolution?: { type: string | null; url?: string };
}

interface SignalBase<C extends string> {
  /** `<group>-<name>` in lower case, e.g. `tractionbattery-stateofcharge`. */
  code: C;
  /** PascalCase, e.g. `StateOfCharge`. */
  name: string;
  /** PascalCase, e.g. `TractionBattery`. */
  group: string;
  /** When Smartcar fetched the value. ISO, epoch-seconds and epoch-ms inputs all become a `Date`. */
  retrievedAt?: Date;
  /** When the automaker reported the value. */
  oemUpdatedAt?: Date;
  /** When Smartcar stored the value. */
  ingestedAt?: Date;
  /** `self`, `vehicle` and sometimes `values` (history), as the server wrote them (absolute or relative). */
  links: Record<string, string>;
}

/** A signal with a value; `body` is typed per code from the contract's catalogue (metric units). */
export interface SignalSuccess<C extends string = string> extends SignalBase<C> {
  status: 'SUCCESS';
  body: SignalBodyOf<C>;
  error?: undefined;
}

/** A signal without a value. `body` may be absent or hold nulls. A failing signal does not fail a list. */
export interface SignalFailure<C extends string = string> extends SignalBase<C> {
  status: 'ERROR' | 'UNAVAILABLE';
  body?: SignalBodyOf<C>;
  error?: SignalError;
}

/** One signal, normalised: narrow on `status` to reach a typed `body`. */
export type Signal<C extends string = string> = SignalSuccess<C> | SignalFailure<C>;

/** A vehicle as signal responses include it (`included.vehicle`). */
export interface IncludedVehicle {
  id: string;
  make?: string;
  model?: string;
  year?: number;
  powertrainType?: string;
  mode?: string;
}

/**
 * Normalises one signal resource, from the Vehicle API (`{id, attributes,
 * meta, links}`) or a webhook (`{code, name, group, body, status, meta}`).
 */
export function parseSignal(value: unknown, where = 'Signal'): Signal {
  return normaliseSignal(value, signalCode(value, where));
}

/**
 * The code of a raw signal, the only part whose absence makes it unreadable.
 * `where` names it in the error; a number `i` stands for `Signal #i`.
 * @throws InvalidResponseError when it is not an object or has no code
 */
export function signalCode(value: unknown, where: string | number = 'Signal'): string {
  if (!isObject(value)) throw new InvalidResponseError(`${labelOf(where)} is not an object`);
  const attributes = obj(value.attributes) ?? value;
  const code = str(attributes.code) ?? str(value.id) ?? codeOf(attributes);
  if (code === undefined) throw new InvalidResponseError(`${labelOf(where)} has no code`);
  return code;
}

/** Built only on failure: a list checks about a hundred codes per call. */
function labelOf(where: string | number): string {
  return typeof where === 'number' ? `Signal #${where}` : where;
}

/** The rest of {@link parseSignal} once {@link signalCode} has read `code`; never throws. */
export function normaliseSignal(value: unknown, code: string): Signal {
  const raw = value as JsonObject;
  const attributes = obj(raw.attributes) ?? raw;
  const meta = obj(raw.meta) ?? obj(attributes.meta);
  const statusObject = obj(attributes.status);
  const rawStatus = str(statusObject?.value) ?? str(attributes.status);
  const body = normaliseBody(code, attributes.body);
  // Keys are added in one order, without `delete`, so every signal shares one object shape.
  const signal = {
    code,
    name: str(attributes.name) ?? '',
    group: str(attributes.group) ?? '',
    links: readLinks(raw.links),
    status: readStatus(rawStatus, body !== undefined),
  } as Signal;
  if (body !== undefined) signal.body = body;
  if (meta !== undefined) {
    const retrievedAt = parseTimestamp(meta.retrievedAt);
    const oemUpdatedAt = parseTimestamp(meta.oemUpdatedAt);
    const ingestedAt = parseTimestamp(meta.ingestedAt);
    if (retrievedAt) signal.retrievedAt = retrievedAt;
    if (oemUpdatedAt) signal.oemUpdatedAt = oemUpdatedAt;
    if (ingestedAt) signal.ingestedAt = ingestedAt;
  }
  if (signal.status !== 'SUCCESS') {
    const error = readSignalError(statusObject?.error);
    if (error) signal.error = error;
  }
  return signal;
}

/** `included.vehicle` of a signal response, when present. */
export function parseIncludedVehicle(included: unknown): IncludedVehicle | undefined {
  const vehicle = obj(obj(included)?.vehicle);
  const id = str(vehicle?.id);
  if (vehicle === undefined || id === undefined) return undefined;
  const a = obj(vehicle.attributes) ?? vehicle;
  const out: IncludedVehicle = { id };
  for (const key of ['make', 'model', 'powertrainType', 'mode'] as const) {
    const v = str(a[key]);
    if (v !== undefined) out[key] = v;
  }
  if (typeof a.year === 'number') out.year = a.year;
  return out;
}

function codeOf(attributes: JsonObject): string | undefined {
  const group = str(attributes.group);
  const name = str(attributes.name);
  return group && name ? `${group}-${name}`.toLowerCase() : undefined;
}

function readStatus(value: string | undefined, hasBody: boolean): SignalStatus {
  const upper = value?.toUpperCase();
  if (upper === 'SUCCESS' || upper === 'ERROR' || upper === 'UNAVAILABLE') return upper;
  // Webhook samples may omit the status; a body then means a value.
  return hasBody ? 'SUCCESS' : 'UNAVAILABLE';
}

/** Unit spellings and the `closure-doors` key (`doors` → `values`, ⚠ §3.4) are made uniform. */
function normaliseBody(code: string, value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const body: JsonObject = { ...value };
  if (typeof body.unit === 'string') body.unit = normaliseUnit(code, body.unit);
  if (Array.isArray(body.additionalValues)) {
    body.additionalValues = body.additionalValues.map((item) =>
      isObject(item) && typeof item.unit === 'string'
        ? { ...item, unit: normaliseUnit(code, item.unit) }
        : item,
    );
  }
  if (body.values === undefined && Array.isArray(body.doors)) {
    body.values = body.doors;
    delete body.doors;
  }
  return body;
}

function readSignalError(value: unknown): SignalError | undefined {
  const e = obj(value);
  if (e === undefined) return undefined;
  const out: SignalError = { type: str(e.type) ?? 'UNKNOWN', code: str(e.code) ?? null };
  const title = str(e.title);
  const detail = str(e.detail) ?? str(e.description);
  if (title) out.title = title;
  if (detail) out.detail = detail;
  const r = obj(e.resolution);
  if (r) {
    const url = str(r.url);
    out.resolution = url ? { type: str(r.type) ?? null, url } : { type: str(r.type) ?? null };
  }
  return out;
}
