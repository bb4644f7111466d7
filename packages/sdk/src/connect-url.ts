import type { ConnectMode } from '@paddock/contract';
import { normaliseOrigin } from './core/origins.js';
import { CONNECT_AUTHORIZE_PATH, CONNECT_MODES, SMARTCAR_ORIGINS } from './core/wire.js';

/** A permission to request; `required: true` locks its checkbox in Connect. */
export type ScopeEntry = string | { permission: string; required?: boolean };

/** Every parameter of Connect's authorization URL (reference §1.1). */
export interface ConnectUrlParams {
  /** Permissions, joined by spaces; a string is sent as is. Omitted: the dashboard's configuration. */
  scope?: readonly ScopeEntry[] | string;
  /** Opaque value echoed back on the redirect; bind it to the browser session. */
  state?: string;
  /** Must exactly match a registered redirect URI. Omitted: the dashboard default. */
  redirectUri?: string;
  /** `code` (default), or for re-auth `vehicle_id` or `none`. */
  responseType?: 'code' | 'vehicle_id' | 'none';
  /** `force` always shows the grant screen; `auto` (Smartcar's default) may skip it. */
  approvalPrompt?: 'auto' | 'force';
  /** `live`, `simulated`, or the deprecated `test`. */
  mode?: ConnectMode;
  /** Brand bypass, e.g. `TESLA`. */
  make?: string;
  /** `true` allows one vehicle; `{ vin }` allows only that vehicle. */
  singleSelect?: boolean | { vin?: string };
  /** Sent as `flags=k:v k:v`, e.g. `{ country: 'DE', account_sync: true }`. */
  flags?: Record<string, string | boolean>;
  /** Your own user identifier, for Smartcar's analytics only. */
  user?: string;
  /** Your owner identifier: returned on the redirect and stored on the connection. */
  externalId?: string;
}

/** Builds the Connect URL to redirect a user to. Bad parameters are `TypeError`s. */
export function buildConnectUrl(
  params: ConnectUrlParams & { clientId: string; connectOrigin?: string },
): string {
  if (typeof params.clientId !== 'string' || params.clientId.trim() === '') {
    throw new TypeError('clientId must be a non-empty string');
  }
  const origin = normaliseOrigin('connectOrigin', params.connectOrigin ?? SMARTCAR_ORIGINS.connect);
  const q: [string, string][] = [
    ['response_type', params.responseType ?? 'code'],
    ['client_id', params.clientId],
  ];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) q.push([key, value]);
  };
  add('redirect_uri', params.redirectUri);
  add('scope', formatScope(params.scope));
  add('state', params.state);
  add('approval_prompt', params.approvalPrompt);
  if (params.mode !== undefined && !(CONNECT_MODES as readonly string[]).includes(params.mode)) {
    throw new TypeError(
      `mode must be one of ${CONNECT_MODES.join(', ')}, got ${JSON.stringify(params.mode)}`,
    );
  }
  add('mode', params.mode);
  add('make', params.make);
  const single = params.singleSelect;
  if (single !== undefined) {
    add('single_select', String(single !== false));
    if (typeof single === 'object') add('single_select_vin', single.vin);
  }
  add('flags', formatFlags(params.flags));
  add('user', params.user);
  add('external_id', params.externalId);
  // encodeURIComponent gives %20 for spaces, which every decoder reads, unlike '+'.
  const query = q.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${origin}${CONNECT_AUTHORIZE_PATH}?${query}`;
}

function formatScope(scope: ConnectUrlParams['scope']): string | undefined {
  if (scope === undefined || typeof scope === 'string') return scope;
  return scope
    .map((entry) => {
      const permission = typeof entry === 'string' ? entry : entry.permission;
      if (typeof permission !== 'string' || !/^[\w:.-]+$/.test(permission)) {
        throw new TypeError(`scope entries must be permission names, got ${JSON.stringify(permission)}`);
      }
      const required =
        typeof entry === 'object' && entry.required === true && !permission.startsWith('required:');
      return required ? `required:${permission}` : permission;
    })
    .join(' ');
}

function formatFlags(flags: ConnectUrlParams['flags']): string | undefined {
  if (flags === undefined) return undefined;
  return Object.entries(flags)
    .map(([key, value]) => {
      if (!/^[\w.-]+$/.test(key)) throw new TypeError(`flag names must be words, got ${JSON.stringify(key)}`);
      const text = String(value);
      if (/\s/.test(text)) throw new TypeError(`flag ${key} must not contain spaces`);
      return `${key}:${text}`;
    })
    .join(' ');
}
