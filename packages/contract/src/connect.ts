import { z } from 'zod';
import type { VehicleMode } from './vehicles.js';

/** Connect modes (reference §1.1); `test` is the deprecated alias of `simulated`. */
export const CONNECT_MODES = ['live', 'simulated', 'test'] as const;
export type ConnectMode = (typeof CONNECT_MODES)[number];

/**
 * The vehicle mode of connections made in a Connect mode: `test` is the
 * deprecated name of `simulated`. Use it for `filter[vehicle.mode]`.
 */
export function vehicleModeOf(mode: ConnectMode): VehicleMode {
  return mode === 'live' ? 'live' : 'simulated';
}

const booleanParam = z.enum(['true', 'false']);

/**
 * Query parameters of `GET /oauth/authorize` (reference §1.1), as strings on the wire.
 * `scope` is the raw space-separated string; see `parseScope`.
 */
export const authorizeParamsSchema = z.object({
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1).optional(),
  response_type: z.enum(['code', 'vehicle_id', 'none']).optional(),
  scope: z.string().optional(),
  state: z.string().optional(),
  approval_prompt: z.enum(['auto', 'force']).optional(),
  mode: z.enum(CONNECT_MODES).optional(),
  make: z.string().min(1).optional(),
  single_select: booleanParam.optional(),
  single_select_vin: z.string().min(1).optional(),
  flags: z.string().optional(),
  user: z.string().optional(),
  external_id: z.string().optional(),
});
export type AuthorizeParams = z.infer<typeof authorizeParamsSchema>;

/** Parses Connect's `flags` parameter (`country:DE account_sync:true`) into a record. */
export function parseFlags(flags: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (flags ?? '').split(/\s+/).filter(Boolean)) {
    const i = pair.indexOf(':');
    if (i > 0) out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** Query of the redirect after the user allows access (reference §1.2). */
export const connectSuccessRedirectSchema = z.object({
  user_id: z.string().min(1),
  state: z.string().optional(),
  code: z.string().optional(),
  external_id: z.string().optional(),
});
export type ConnectSuccessRedirect = z.infer<typeof connectSuccessRedirectSchema>;

/** `error` values of a Connect failure redirect (reference §1.3). */
export const CONNECT_ERRORS = {
  access_denied: 'The user declined to grant access.',
  invalid_subscription: "The user's connected-services subscription is missing or expired.",
  configuration_error: 'The application or its Connect request is misconfigured.',
  no_vehicles: 'The connected-services account holds no vehicles.',
  vehicle_incompatible: 'The selected vehicle cannot provide the required permissions.',
  server_error: 'Smartcar could not complete the request.',
} as const;
export type ConnectErrorCode = keyof typeof CONNECT_ERRORS;

export const connectErrorRedirectSchema = z.object({
  error: z.enum(Object.keys(CONNECT_ERRORS) as [ConnectErrorCode, ...ConnectErrorCode[]]),
  error_description: z.string(),
  state: z.string().optional(),
  vin: z.string().optional(),
  make: z.string().optional(),
  model: z.string().optional(),
  year: z.string().optional(),
});
export type ConnectErrorRedirect = z.infer<typeof connectErrorRedirectSchema>;
