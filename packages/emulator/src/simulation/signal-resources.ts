import {
  canReadSignal,
  SIGNAL_CODES,
  SIGNALS,
  type SignalCode,
  type SignalDefinition,
  type SignalError,
  type SignalResource,
  signalBodyToImperial,
  signalFitsPowertrain,
  type UnitSystem,
} from '@paddock/contract';
import { signalBody } from './signal-bodies.js';
import type { SignalContext } from './signal-context.js';

/** How a connection sees a signal: readable, not permitted, or beyond the vehicle. */
export type SignalAccess = 'SUCCESS' | 'ERROR' | 'UNAVAILABLE';

/**
 * Capability comes first: a signal the powertrain cannot have is UNAVAILABLE
 * even when the permission is missing too, so the answer does not depend on
 * the grant.
 */
export function signalAccess(
  code: SignalCode,
  ctx: SignalContext,
  permissions: readonly string[],
): SignalAccess {
  if (!signalFitsPowertrain(code, ctx.vehicle.powertrainType)) return 'UNAVAILABLE';
  return canReadSignal(code, permissions) ? 'SUCCESS' : 'ERROR';
}

/** The status error of a signal the vehicle cannot report. */
export const notCapableError = (code: string): SignalError => ({
  type: 'COMPATIBILITY',
  code: 'VEHICLE_NOT_CAPABLE',
  title: 'Vehicle not capable',
  detail: `The vehicle is incapable of reporting ${code}.`,
  resolution: { type: null },
});

/** The status error of a signal the connection was not granted. */
export const permissionError = (code: SignalCode): SignalError => ({
  type: 'PERMISSION',
  code: 'PERMISSION',
  title: 'Permission',
  detail: `Reading ${code} needs the ${(SIGNALS[code] as SignalDefinition).permission} permission; ask the user to reconnect with it.`,
  resolution: { type: 'REAUTHENTICATE' },
});

export interface ResourceOptions {
  permissions: readonly string[];
  unitSystem: UnitSystem;
  origin: string;
  /** Epoch ms of the read. */
  now: number;
  /** Epoch ms the vehicle last reported (its values are that old). */
  reportedAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The read's timestamps, formatted once per response (formatting dominated the cost of a list). */
interface Stamps {
  now: string;
  reported: string;
}
const stampsOf = (o: ResourceOptions): Stamps => ({ now: iso(o.now), reported: iso(o.reportedAt) });

/** One signal as a v3 resource (reference §3.4). */
export function signalResource(
  code: SignalCode,
  ctx: SignalContext,
  o: ResourceOptions,
  stamps: Stamps = stampsOf(o),
): SignalResource {
  const def = SIGNALS[code] as SignalDefinition;
  const vehicleUrl = `${o.origin}/v3/vehicles/${ctx.vehicle.id}`;
  const access = signalAccess(code, ctx, o.permissions);
  const edited = ctx.anchor.overrides?.get(code);
  const attributes: SignalResource['attributes'] = {
    code,
    name: def.name,
    group: def.group,
    status: { value: access },
  };
  if (access === 'UNAVAILABLE') attributes.status.error = notCapableError(code);
  else if (access === 'ERROR') attributes.status.error = permissionError(code);
  else {
    const body = signalBody(code, ctx);
    attributes.body = o.unitSystem === 'imperial' ? signalBodyToImperial(body) : body;
  }
  return {
    id: code,
    type: 'signal',
    attributes,
    meta: {
      retrievedAt: stamps.now,
      oemUpdatedAt: edited ? iso(edited.at) : stamps.reported,
      ingestedAt: stamps.now,
    },
    links: { self: `${vehicleUrl}/signals/${code}`, vehicle: vehicleUrl },
  };
}

/** Every catalogue signal of the vehicle, in catalogue order. */
export function signalResources(ctx: SignalContext, o: ResourceOptions): SignalResource[] {
  const stamps = stampsOf(o);
  return SIGNAL_CODES.map((code) => signalResource(code, ctx, o, stamps));
}
