import type { SignalBody, SignalCode } from '@paddock/contract';
import type { SignalContext } from './signal-context.js';
import { trait } from './traits.js';

type DiagnosticCode = Extract<SignalCode, `diagnostics-${string}`>;
type Status = SignalBody<'diagnostics-abs'>;

const ok: Status = { status: 'OK', description: null };
const okBody = () => ok;
/** Below this pressure the tyre-pressure warning lights up, kPa. */
const LOW_TIRE_KPA = 190;
const oilLife = (c: SignalContext) => 15 + trait(c.anchor.traits, 2, 86);

/**
 * Diagnostics: every system reports OK except where the simulated state says
 * otherwise (a soft tyre, worn oil, a flat 12 V battery).
 */
export const DIAGNOSTIC_BODIES: { [C in DiagnosticCode]: (ctx: SignalContext) => SignalBody<C> } = {
  'diagnostics-abs': okBody,
  'diagnostics-activesafety': okBody,
  'diagnostics-airbag': okBody,
  'diagnostics-brakefluid': okBody,
  'diagnostics-driverassistance': okBody,
  'diagnostics-dtccount': () => ({ value: 0 }),
  'diagnostics-dtclist': () => ({ values: [] }),
  'diagnostics-emissions': okBody,
  'diagnostics-evbatteryconditioning': okBody,
  'diagnostics-evcharging': okBody,
  'diagnostics-evdriveunit': okBody,
  'diagnostics-evhvbattery': okBody,
  'diagnostics-lighting': okBody,
  'diagnostics-mil': okBody,
  'diagnostics-oillife': (c) =>
    oilLife(c) < 20 ? { status: 'ALERT', description: 'Engine oil change due' } : ok,
  'diagnostics-oilpressure': okBody,
  'diagnostics-oiltemperature': okBody,
  'diagnostics-telematics': (c) =>
    c.anchor.lowVoltageSoc < 50 ? { status: 'ALERT', description: '12 V battery low' } : ok,
  'diagnostics-tirepressure': (c) =>
    c.anchor.tires.some((p) => p < LOW_TIRE_KPA) ? { status: 'ALERT', description: 'Low tyre pressure' } : ok,
  'diagnostics-tirepressuremonitoring': okBody,
  'diagnostics-transmission': okBody,
  'diagnostics-washerfluid': okBody,
  'diagnostics-waterinfuel': okBody,
};
