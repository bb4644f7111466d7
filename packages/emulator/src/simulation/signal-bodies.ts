import type { SignalCode } from '@paddock/contract';
import { DIAGNOSTIC_BODIES } from './signal-bodies-diagnostics.js';
import { ENERGY_BODIES } from './signal-bodies-energy.js';
import { VEHICLE_BODIES } from './signal-bodies-vehicle.js';
import type { SignalContext } from './signal-context.js';

/** The metric body of every catalogue code, computed from a vehicle's state. */
export const SIGNAL_BODIES: Readonly<Record<SignalCode, (ctx: SignalContext) => unknown>> = {
  ...ENERGY_BODIES,
  ...VEHICLE_BODIES,
  ...DIAGNOSTIC_BODIES,
};

/** A signal's current metric body: an edit from the control surface wins over the simulation. */
export function signalBody(code: SignalCode, ctx: SignalContext): unknown {
  const edited = ctx.anchor.overrides?.get(code);
  return edited ? edited.body : SIGNAL_BODIES[code](ctx);
}
