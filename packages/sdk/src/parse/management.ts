import { InvalidResponseError } from '../errors.js';
import { isObject, obj, str, strings } from './json.js';
import { readLinks, relationshipId } from './page.js';
import { parseTimestamp } from './timestamp.js';
import { parsePowertrain, parseVehicleMode, type Vehicle } from './vehicle.js';

/** A signal named by its code, as webhooks list triggers and data signals. */
export interface SignalReference {
  /** e.g. `tractionbattery-stateofcharge`. */
  code: string;
  name?: string;
  group?: string;
}

/** A webhook of the Management API (reference §4.1). Created and edited in Smartcar's dashboard only. */
export interface Webhook {
  id: string;
  name: string;
  callbackUri: string;
  /** Where `VEHICLE_ERROR` goes; `callbackUri` when absent. */
  errorCallbackUri?: string;
  isEnabled: boolean;
  /** Every newly connected vehicle is subscribed automatically. */
  autoSubscribe: boolean;
  /** Signals whose change fires a delivery. */
  triggers: SignalReference[];
  /** Signals included in every delivery. */
  data: SignalReference[];
  createdAt?: Date;
  updatedAt?: Date;
  links: Record<string, string>;
}

/** A vehicle's subscription to a webhook (reference §4.2). */
export interface Subscription {
  id: string;
  webhookId: string;
  userId: string;
  vehicleId: string;
  /** Make, model, year, mode and powertrain of the subscribed vehicle. */
  vehicle?: Partial<Omit<Vehicle, 'id'>>;
  createdAt?: Date;
  updatedAt?: Date;
  links: Record<string, string>;
}

/** An application (reference §4.3; the shape is undocumented, so every attribute is kept in `attributes`). */
export interface Application {
  id: string;
  name?: string;
  /** Paddock's emulator sends these; Smartcar's shape is not documented. */
  clientId?: string;
  redirectUris: string[];
  createdAt?: Date;
  /** Every attribute as sent. */
  attributes: Record<string, unknown>;
  links: Record<string, string>;
}

/**
 * A signal reference in either shape Smartcar documents (⚠ §4.4): `{code,
 * name?, group?}`, or a trigger `{type, signal: {…}}`. `undefined` when it
 * names no signal (e.g. the `FIRST_DELIVERY` trigger).
 */
export function parseSignalReference(value: unknown): SignalReference | undefined {
  const item = obj(value);
  if (item === undefined) return undefined;
  const inner = obj(item.signal) ?? item;
  const group = str(inner.group);
  const name = str(inner.name);
  const code = str(inner.code) ?? (group && name ? `${group}-${name}`.toLowerCase() : undefined);
  if (code === undefined || code === 'FIRST_DELIVERY') return undefined;
  const ref: SignalReference = { code };
  if (name) ref.name = name;
  if (group) ref.group = group;
  return ref;
}

function references(value: unknown): SignalReference[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseSignalReference).filter((r): r is SignalReference => r !== undefined);
}

function resourceOf(value: unknown, what: string) {
  const resource = obj(value);
  const id = str(resource?.id);
  if (resource === undefined || id === undefined) throw new InvalidResponseError(`${what} has no id`);
  return { resource, id, attributes: obj(resource.attributes) ?? resource, meta: obj(resource.meta) ?? {} };
}

/** Normalises a webhook resource. */
export function parseWebhook(value: unknown): Webhook {
  const { resource, id, attributes: a, meta } = resourceOf(value, 'Webhook');
  const webhook: Webhook = {
    id,
    name: str(a.name) ?? '',
    callbackUri: str(a.callbackUri) ?? '',
    isEnabled: a.isEnabled === true,
    autoSubscribe: a.autoSubscribe === true,
    triggers: references(a.triggers),
    data: references(a.data),
    links: readLinks(resource.links),
  };
  const errorCallbackUri = str(a.errorCallbackUri);
  if (errorCallbackUri) webhook.errorCallbackUri = errorCallbackUri;
  const createdAt = parseTimestamp(meta.createdAt ?? a.createdAt);
  const updatedAt = parseTimestamp(meta.updatedAt ?? a.updatedAt);
  if (createdAt) webhook.createdAt = createdAt;
  if (updatedAt) webhook.updatedAt = updatedAt;
  return webhook;
}

/** Normalises a subscription resource; ids come from `relationships` or flat attributes. */
export function parseSubscription(value: unknown): Subscription {
  const { resource, id, attributes: a, meta } = resourceOf(value, 'Subscription');
  const rel = resource.relationships;
  const webhookId = relationshipId(rel, 'webhook') ?? str(a.webhookId);
  const userId = relationshipId(rel, 'user') ?? str(a.userId);
  const vehicleId = relationshipId(rel, 'vehicle') ?? str(a.vehicleId) ?? str(obj(a.vehicle)?.id);
  if (webhookId === undefined || userId === undefined || vehicleId === undefined) {
    throw new InvalidResponseError(`Subscription ${id} lacks its webhook, user or vehicle id`);
  }
  const subscription: Subscription = { id, webhookId, userId, vehicleId, links: readLinks(resource.links) };
  const v = obj(a.vehicle);
  if (v) {
    const vehicle: NonNullable<Subscription['vehicle']> = {};
    const make = str(v.make);
    const model = str(v.model);
    if (make) vehicle.make = make;
    if (model) vehicle.model = model;
    if (typeof v.year === 'number') vehicle.year = v.year;
    const mode = parseVehicleMode(v.mode);
    const powertrainType = parsePowertrain(v.powertrainType);
    if (mode) vehicle.mode = mode;
    if (powertrainType) vehicle.powertrainType = powertrainType;
    subscription.vehicle = vehicle;
  }
  const createdAt = parseTimestamp(meta.createdAt);
  const updatedAt = parseTimestamp(meta.updatedAt);
  if (createdAt) subscription.createdAt = createdAt;
  if (updatedAt) subscription.updatedAt = updatedAt;
  return subscription;
}

/** Normalises an application resource. */
export function parseApplication(value: unknown): Application {
  const { resource, id, attributes: a, meta } = resourceOf(value, 'Application');
  const application: Application = {
    id,
    redirectUris: strings(a.redirectUris),
    attributes: isObject(resource.attributes) ? { ...resource.attributes } : {},
    links: readLinks(resource.links),
  };
  const name = str(a.name);
  const clientId = str(a.clientId);
  if (name) application.name = name;
  if (clientId) application.clientId = clientId;
  const createdAt = parseTimestamp(meta.createdAt ?? a.createdAt);
  if (createdAt) application.createdAt = createdAt;
  return application;
}

/**
 * A client secret of an application, as `applications.listSecrets()` lists it
 * (reference §4.3: the shape is undocumented, so it is read tolerantly and
 * every attribute is kept in `attributes`). Never the secret's value: only
 * what tells one secret from another.
 */
export interface ApplicationSecret {
  id: string;
  /** The application the secret belongs to: its relationship, else the id the call was made for. */
  applicationId: string;
  /** The secret's last characters (four from Paddock's emulator); absent when the server shows none. */
  hint?: string;
  createdAt?: Date;
  /** Every attribute as sent. */
  attributes: Record<string, unknown>;
  links: Record<string, string>;
}

/** Normalises an application secret resource; `applicationId` is the one the call asked about. */
export function parseApplicationSecret(value: unknown, applicationId: string): ApplicationSecret {
  const { resource, id, attributes: a, meta } = resourceOf(value, 'Application secret');
  const secret: ApplicationSecret = {
    id,
    applicationId:
      relationshipId(resource.relationships, 'application') ?? str(a.applicationId) ?? applicationId,
    attributes: isObject(resource.attributes) ? { ...resource.attributes } : {},
    links: readLinks(resource.links),
  };
  const hint = str(a.hint);
  if (hint) secret.hint = hint;
  const createdAt = parseTimestamp(meta.createdAt ?? a.createdAt);
  if (createdAt) secret.createdAt = createdAt;
  return secret;
}
