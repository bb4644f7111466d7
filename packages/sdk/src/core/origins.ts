import type { SmartcarOrigins, SmartcarSurface } from '@paddock/contract';
import { SMARTCAR_ORIGINS } from './wire.js';

const SURFACES = Object.keys(SMARTCAR_ORIGINS) as SmartcarSurface[];

/**
 * Resolves the four origins: Smartcar's by default, all four at `emulatorOrigin`
 * when given, and explicit `origins` entries over both.
 */
export function resolveOrigins(
  origins: Partial<SmartcarOrigins> | undefined,
  emulatorOrigin: string | undefined,
): Readonly<SmartcarOrigins> {
  const out = { ...SMARTCAR_ORIGINS } as SmartcarOrigins;
  if (emulatorOrigin !== undefined) {
    const base = normaliseOrigin('emulatorOrigin', emulatorOrigin);
    for (const surface of SURFACES) out[surface] = base;
  }
  for (const surface of SURFACES) {
    const value = origins?.[surface];
    if (value !== undefined) out[surface] = normaliseOrigin(`origins.${surface}`, value);
  }
  return Object.freeze(out);
}

/** Validates an absolute http(s) URL and drops a trailing slash so paths can be appended. */
export function normaliseOrigin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value.replace(/\/+$/, '');
}
