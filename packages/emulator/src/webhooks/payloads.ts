import {
  errorDocsUrl,
  isSignalCode,
  SIGNALS,
  type SignalReference,
  type SignalResource,
  WEBHOOK_EVENT_VERSION,
  type WebhookSignal,
  type WebhookTrigger,
  type WebhookVehicleError,
} from '@paddock/contract';
import type { ApplicationRecord, ConnectionRecord, VehicleRecord } from '../store/records.js';
import type { WebhookRecord } from '../store/webhook-records.js';

/**
 * Builders of the event bodies of reference §4.4. `meta.deliveryId` and
 * `meta.deliveredAt` are left null here and filled in on every attempt, in
 * place, so the key order of the bytes sent stays that of the samples.
 */

/** `{ group, name, code }` of a catalogue code. */
export function signalReference(code: string): SignalReference {
  if (!isSignalCode(code)) throw new TypeError(`Unknown signal code ${code}`);
  const { group, name } = SIGNALS[code];
  return { group, name, code };
}

const toMs = (value: string | number): number => (typeof value === 'number' ? value : Date.parse(value));

/** A signal resource of the Vehicle API in the webhook form (epoch-ms freshness, no links). */
export function webhookSignal(resource: SignalResource): WebhookSignal {
  const { code, name, group, status, body } = resource.attributes;
  return {
    code,
    name,
    group,
    ...(body === undefined ? {} : { body }),
    status,
    meta: { oemUpdatedAt: toMs(resource.meta.oemUpdatedAt), retrievedAt: toMs(resource.meta.retrievedAt) },
  };
}

export const webhookMode = (connection: ConnectionRecord) => (connection.mode === 'live' ? 'LIVE' : 'TEST');

function userOf(connection: ConnectionRecord) {
  return connection.externalId === undefined
    ? { id: connection.userId }
    : { id: connection.userId, externalId: connection.externalId };
}

function vehicleOf(vehicle: VehicleRecord, connection: ConnectionRecord) {
  const { id, make, model, year, powertrainType } = vehicle;
  return { id, make, model, year, mode: connection.mode, powertrainType };
}

export function verifyPayload(eventId: string, webhook: WebhookRecord, challenge: string) {
  return {
    eventId,
    eventType: 'VERIFY',
    data: { challenge },
    meta: {
      version: WEBHOOK_EVENT_VERSION,
      webhookId: webhook.id,
      webhookName: webhook.name,
      deliveryId: null,
      deliveredAt: null,
    },
  };
}

export interface VehicleEventContext {
  eventId: string;
  application: ApplicationRecord;
  webhook: WebhookRecord;
  connection: ConnectionRecord;
  vehicle: VehicleRecord;
}

export function vehicleStatePayload(
  ctx: VehicleEventContext,
  signals: WebhookSignal[],
  triggers: WebhookTrigger[],
  sequence: number,
) {
  return {
    eventId: ctx.eventId,
    eventType: 'VEHICLE_STATE',
    data: { user: userOf(ctx.connection), vehicle: vehicleOf(ctx.vehicle, ctx.connection), signals },
    triggers,
    meta: { ...eventMeta(ctx), sequence, signalCount: signals.length },
  };
}

/** What the control surface (or the simulator's reachability) reports about a vehicle. */
export interface VehicleErrorInput {
  type: string;
  code: string | null;
  description: string;
  state: 'ERROR' | 'RESOLVED';
  resolution: string | null;
  suggestedUserMessage: string | null;
  /** Signal codes the error affects. */
  signals?: string[];
}

export function vehicleErrorPayload(ctx: VehicleEventContext, error: VehicleErrorInput) {
  const entry: WebhookVehicleError = {
    type: error.type,
    code: error.code,
    description: error.description,
    docURL: errorDocsUrl(error.type, error.code),
    resolution: { type: error.resolution },
    suggestedUserMessage: error.suggestedUserMessage,
    state: error.state,
    ...(error.signals === undefined ? {} : { signals: error.signals.map(signalReference) }),
  };
  return {
    eventId: ctx.eventId,
    eventType: 'VEHICLE_ERROR',
    data: {
      user: userOf(ctx.connection),
      vehicle: vehicleOf(ctx.vehicle, ctx.connection),
      errors: [entry],
    },
    meta: eventMeta(ctx),
  };
}

/** The `meta` every vehicle event carries; delivery fills `deliveryId` and `deliveredAt` per attempt. */
function eventMeta(ctx: VehicleEventContext) {
  return {
    version: WEBHOOK_EVENT_VERSION,
    applicationId: ctx.application.id,
    webhookId: ctx.webhook.id,
    webhookName: ctx.webhook.name,
    deliveryId: null,
    deliveredAt: null,
    mode: webhookMode(ctx.connection),
  };
}
