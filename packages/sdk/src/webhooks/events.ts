import { InvalidResponseError } from '../errors.js';
import { isObject, type JsonObject, num, obj, str } from '../parse/json.js';
import { parseSignalReference, type SignalReference } from '../parse/management.js';
import { parseSignal, type Signal } from '../parse/signal.js';
import { parseTimestamp } from '../parse/timestamp.js';
import type { RawBody } from './signature.js';

/** Delivery facts of an event (`meta`); `deliveredAt` is a `Date` whether sent as epoch ms or ISO. */
export interface WebhookEventMeta {
  version?: string;
  applicationId?: string;
  webhookId?: string;
  webhookName?: string;
  /** New on every attempt; `eventId` stays the same across retries. */
  deliveryId?: string;
  deliveredAt?: Date;
  /** `LIVE` or `TEST` (simulated vehicles). */
  mode?: string;
  /** Increases per webhook; deliveries may arrive out of order. */
  sequence?: number;
  signalCount?: number;
}

/** Why a `VEHICLE_STATE` event was sent: a trigger signal changed, or a (re-)subscription. */
export interface WebhookTrigger {
  type: 'SIGNAL_UPDATED' | 'FIRST_DELIVERY' | (string & {});
  /** The signal that changed, for `SIGNAL_UPDATED`. */
  signal?: SignalReference;
}

/** The vehicle an event is about. */
export interface WebhookVehicle {
  id: string;
  make?: string;
  model?: string;
  year?: number;
  mode?: string;
  powertrainType?: string;
}

/** The user (and Connect `external_id`) an event is about. */
export interface WebhookUser {
  id?: string;
  externalId?: string;
}

interface EventBase {
  /** Stable across retries: deduplicate on it. */
  eventId: string;
  meta: WebhookEventMeta;
  /** The parsed JSON as received. */
  raw: unknown;
}

/** `VERIFY`: answer `200` with `answerChallenge(event.challenge, managementToken)`. */
export interface VerifyEvent extends EventBase {
  type: 'VERIFY';
  challenge: string;
  /** The v2 form `{eventName: 'verify', payload: {challenge}}` (its `eventId` is then empty). */
  legacy: boolean;
}

/** `VEHICLE_STATE`: every configured data signal, and what triggered the delivery. */
export interface VehicleStateEvent extends EventBase {
  type: 'VEHICLE_STATE';
  user: WebhookUser;
  vehicle: WebhookVehicle;
  signals: Signal[];
  triggers: WebhookTrigger[];
}

/** One error of a `VEHICLE_ERROR` event; `state` is `ERROR` when new and `RESOLVED` when over. */
export interface WebhookVehicleError {
  type: string;
  code: string | null;
  description?: string;
  docURL?: string;
  resolution?: { type: string | null; url?: string };
  suggestedUserMessage?: string;
  state: 'ERROR' | 'RESOLVED' | (string & {});
  /** Signals the error affects. */
  signals: SignalReference[];
}

/** `VEHICLE_ERROR`: the vehicle cannot report (account, state, compatibility, permission). */
export interface VehicleErrorEvent extends EventBase {
  type: 'VEHICLE_ERROR';
  user: WebhookUser;
  vehicle: WebhookVehicle;
  errors: WebhookVehicleError[];
}

/** A parsed webhook event; switch on `type`. */
export type WebhookEvent = VerifyEvent | VehicleStateEvent | VehicleErrorEvent;

/**
 * Parses a webhook body into a typed event. Accepts both trigger shapes
 * (`{type, signal}` and `{code, name?, group?}`, top level or under `data`),
 * epoch-ms, epoch-s or ISO timestamps, `vehicleId` at the top level, and the
 * legacy v2 verify body. Does **not** check the signature: see `unwrapWebhook`.
 *
 * @throws InvalidResponseError when the body is not JSON or not a Smartcar event
 */
export function parseWebhookEvent(rawBody: RawBody | JsonObject): WebhookEvent {
  const root = decode(rawBody);
  if (str(root.eventName)?.toLowerCase() === 'verify') return parseLegacyVerify(root);
  const type = str(root.eventType)?.toUpperCase();
  const eventId = str(root.eventId);
  if (eventId === undefined) throw new InvalidResponseError('Webhook event has no eventId');
  const data = obj(root.data) ?? {};
  const base = { eventId, meta: readMeta(root.meta), raw: root };
  switch (type) {
    case 'VERIFY': {
      const challenge = str(data.challenge) ?? str(root.challenge);
      if (challenge === undefined) throw new InvalidResponseError('VERIFY event has no challenge');
      return { type: 'VERIFY', ...base, challenge, legacy: false };
    }
    case 'VEHICLE_STATE':
      return {
        type: 'VEHICLE_STATE',
        ...base,
        user: readUser(data.user),
        vehicle: readVehicle(data.vehicle, root.vehicleId),
        signals: Array.isArray(data.signals)
          ? data.signals.map((s, i) => parseSignal(s, `Webhook signal #${i}`))
          : [],
        triggers: readTriggers(root.triggers ?? data.triggers),
      };
    case 'VEHICLE_ERROR':
      return {
        type: 'VEHICLE_ERROR',
        ...base,
        user: readUser(data.user),
        vehicle: readVehicle(data.vehicle, root.vehicleId),
        errors: Array.isArray(data.errors) ? data.errors.map(readVehicleError) : [],
      };
    default:
      throw new InvalidResponseError(`Unknown webhook eventType ${JSON.stringify(root.eventType)}`);
  }
}

function decode(rawBody: RawBody | JsonObject): JsonObject {
  if (isObject(rawBody) && !(rawBody instanceof Uint8Array)) return rawBody;
  let text: string;
  try {
    text = typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch {
    throw new InvalidResponseError('Webhook body is not UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidResponseError('Webhook body is not JSON');
  }
  if (!isObject(parsed)) throw new InvalidResponseError('Webhook body is not a JSON object');
  return parsed;
}

function parseLegacyVerify(root: JsonObject): VerifyEvent {
  const challenge = str(obj(root.payload)?.challenge);
  if (challenge === undefined) throw new InvalidResponseError('verify event has no payload.challenge');
  const meta: WebhookEventMeta = {};
  const version = str(root.version);
  const webhookId = str(root.webhookId);
  if (version) meta.version = version;
  if (webhookId) meta.webhookId = webhookId;
  return { type: 'VERIFY', eventId: str(root.eventId) ?? '', meta, raw: root, challenge, legacy: true };
}

function readMeta(value: unknown): WebhookEventMeta {
  const m = obj(value) ?? {};
  const meta: WebhookEventMeta = {};
  for (const key of ['version', 'applicationId', 'webhookId', 'webhookName', 'deliveryId', 'mode'] as const) {
    const v = str(m[key]);
    if (v !== undefined) meta[key] = v;
  }
  const deliveredAt = parseTimestamp(m.deliveredAt);
  if (deliveredAt) meta.deliveredAt = deliveredAt;
  const sequence = num(m.sequence);
  const signalCount = num(m.signalCount);
  if (sequence !== undefined) meta.sequence = sequence;
  if (signalCount !== undefined) meta.signalCount = signalCount;
  return meta;
}

function readUser(value: unknown): WebhookUser {
  const u = obj(value) ?? {};
  const user: WebhookUser = {};
  const id = str(u.id);
  const externalId = str(u.externalId);
  if (id) user.id = id;
  if (externalId) user.externalId = externalId;
  return user;
}

function readVehicle(value: unknown, topLevelId: unknown): WebhookVehicle {
  const v = obj(value) ?? {};
  const id = str(v.id) ?? str(topLevelId);
  if (id === undefined) throw new InvalidResponseError('Webhook event names no vehicle id');
  const vehicle: WebhookVehicle = { id };
  for (const key of ['make', 'model', 'mode', 'powertrainType'] as const) {
    const s = str(v[key]);
    if (s !== undefined) vehicle[key] = s;
  }
  const year = num(v.year);
  if (year !== undefined) vehicle.year = year;
  return vehicle;
}

/** Both documented trigger shapes (⚠ §4.4) become `{type, signal?}`. */
function readTriggers(value: unknown): WebhookTrigger[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((item) => {
    const type = str(item.type);
    const code = str(item.code);
    if (type === 'FIRST_DELIVERY' || (type === undefined && code === 'FIRST_DELIVERY')) {
      return { type: 'FIRST_DELIVERY' };
    }
    const signal = parseSignalReference(item);
    const trigger: WebhookTrigger = { type: type ?? 'SIGNAL_UPDATED' };
    if (signal) trigger.signal = signal;
    return trigger;
  });
}

function readVehicleError(value: unknown): WebhookVehicleError {
  const e = obj(value) ?? {};
  const error: WebhookVehicleError = {
    type: str(e.type) ?? 'UNKNOWN',
    code: str(e.code) ?? null,
    state: str(e.state) ?? 'ERROR',
    signals: Array.isArray(e.signals)
      ? e.signals.map(parseSignalReference).filter((r): r is SignalReference => r !== undefined)
      : [],
  };
  const description = str(e.description) ?? str(e.detail);
  const docURL = str(e.docURL);
  const suggestedUserMessage = str(e.suggestedUserMessage);
  if (description) error.description = description;
  if (docURL) error.docURL = docURL;
  if (suggestedUserMessage) error.suggestedUserMessage = suggestedUserMessage;
  const r = obj(e.resolution);
  if (r) {
    const url = str(r.url);
    error.resolution = url ? { type: str(r.type) ?? null, url } : { type: str(r.type) ?? null };
  }
  return error;
}
