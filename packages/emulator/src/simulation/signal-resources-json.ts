import {
  SIGNAL_CODES,
  SIGNALS,
  type SignalCode,
  type SignalDefinition,
  signalBodyToImperial,
} from '@paddock/contract';
import { signalBody } from './signal-bodies.js';
import type { SignalContext } from './signal-context.js';
import { notCapableError, permissionError, type ResourceOptions, signalAccess } from './signal-resources.js';

/** JSON text inside quotes, without them. */
const inner = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * The parts of one code's resource that never change, in the key order
 * `signalResource` builds: everything up to the status value, and the
 * complete status of a signal the vehicle cannot have or the connection may
 * not read.
 */
interface Fragments {
  head: string;
  success: string;
  unavailable: string;
  error: string;
  /** `/signals/<code>` of the self link, escaped. */
  selfPath: string;
}

function fragmentsOf(code: SignalCode): Fragments {
  const def = SIGNALS[code] as SignalDefinition;
  const id = JSON.stringify(code);
  return {
    head: `{"id":${id},"type":"signal","attributes":{"code":${id},"name":${JSON.stringify(def.name)},"group":${JSON.stringify(def.group)},"status":`,
    success: '{"value":"SUCCESS"}',
    unavailable: `{"value":"UNAVAILABLE","error":${JSON.stringify(notCapableError(code))}}}`,
    error: `{"value":"ERROR","error":${JSON.stringify(permissionError(code))}}}`,
    selfPath: `/signals/${inner(code)}`,
  };
}

// Built on first use (no work on import), then shared by every vehicle and read.
let fragments: Map<SignalCode, Fragments> | undefined;
const fragmentsFor = (code: SignalCode): Fragments => {
  fragments ??= new Map(SIGNAL_CODES.map((c) => [c, fragmentsOf(c)]));
  return fragments.get(code) ?? fragmentsOf(code);
};

/**
 * `JSON.stringify(signalResources(ctx, o))`, byte for byte, and the number of
 * resources in it, without building
 * the resources: a full list is about 60 KB, and building then serialising
 * ~95 objects was most of a list read. Only the bodies of readable signals,
 * the timestamps and the links are made per read; everything fixed per code
 * is written once per process.
 */
export function signalResourcesJson(ctx: SignalContext, o: ResourceOptions): { count: number; json: string } {
  const now = new Date(o.now).toISOString();
  const vehicleUrl = inner(`${o.origin}/v3/vehicles/${ctx.vehicle.id}`);
  // Meta and links are alike for every code but an edited one's oemUpdatedAt.
  const metaWith = (oemUpdatedAt: string) =>
    `,"meta":{"retrievedAt":"${now}","oemUpdatedAt":"${oemUpdatedAt}","ingestedAt":"${now}"},"links":{"self":"${vehicleUrl}`;
  const meta = metaWith(new Date(o.reportedAt).toISOString());
  const tail = `","vehicle":"${vehicleUrl}"}}`;
  const overrides = ctx.anchor.overrides;
  let json = '[';
  for (const code of SIGNAL_CODES) {
    const f = fragmentsFor(code);
    const access = signalAccess(code, ctx, o.permissions);
    let attributes: string;
    if (access === 'UNAVAILABLE') attributes = f.unavailable;
    else if (access === 'ERROR') attributes = f.error;
    else {
      const metric = signalBody(code, ctx);
      const body = JSON.stringify(o.unitSystem === 'imperial' ? signalBodyToImperial(metric) : metric);
      // An undefined body is left out, as JSON.stringify leaves out undefined properties.
      attributes = body === undefined ? `${f.success}}` : `${f.success},"body":${body}}`;
    }
    const edited = overrides?.get(code);
    if (json.length > 1) json += ',';
    json +=
      f.head + attributes + (edited ? metaWith(new Date(edited.at).toISOString()) : meta) + f.selfPath + tail;
  }
  return { count: SIGNAL_CODES.length, json: `${json}]` };
}
