import {
  APIError,
  ConnectionError,
  InvalidResponseError,
  OAuthError,
  SmartcarError,
  TimeoutError,
} from '@paddock/sdk';

/** What a page says when Smartcar fails. */
export interface UpstreamProblem {
  readonly message: string;
  /** Smartcar's request id, for their support. */
  readonly requestId: string | undefined;
  /** Whether connecting again is the way out (permissions, re-authentication). */
  readonly reconnect: boolean;
  /** Smartcar's error type and code, when it sent them (for the command log). */
  readonly type?: string | undefined;
  readonly code?: string | undefined;
  /** Seconds Smartcar asked to wait (`retry-after`), when it did. */
  readonly retryAfterSeconds?: number | undefined;
}

// Plain words per Smartcar error type (reference §5.2), used when Smartcar sends no suggestedUserMessage.
const BY_TYPE: Record<string, string> = {
  AUTHENTICATION:
    'Smartcar no longer accepts the access this vehicle was connected with. Connect it again to carry on.',
  PERMISSION: "Paddock doesn't have permission for this. Connect the vehicle again and allow access.",
  VALIDATION: 'Smartcar did not accept the request Paddock sent. Please try again later.',
  RESOURCE_NOT_FOUND: 'Smartcar could not find one of your vehicles. It may have been disconnected.',
  VEHICLE_STATE: "Your vehicle can't do that right now. Please try again later.",
  RATE_LIMIT: 'Too many requests reached Smartcar. Please wait a minute and try again.',
  BILLING: 'This app has reached a limit of its Smartcar plan. Please contact support.',
  COMPATIBILITY: "Your vehicle doesn't support what Paddock asked for.",
  CONNECTED_SERVICES_ACCOUNT:
    "There is a problem with your vehicle's connected-services account. Check it with the manufacturer, then connect again.",
  UPSTREAM: "Your vehicle's manufacturer is not answering Smartcar right now. Please try again later.",
  SERVER: 'Smartcar had a problem answering. Please try again later.',
};

// VEHICLE_STATE codes (reference §5.2) say what to do; the type alone does not.
const VEHICLE_STATE_BY_CODE: Record<string, string> = {
  ASLEEP: 'Your vehicle is asleep. Wake it (open the manufacturer app or use the car), then try again.',
  CHARGE_FAULT: 'The charger reported a fault. Check the cable and the charger, then try again.',
  CHARGING_IN_PROGRESS: 'Your vehicle is charging, so this cannot be done now. Stop charging first.',
  CHARGING_PLUG_NOT_CONNECTED: 'The charging cable is not plugged in. Plug the vehicle in, then try again.',
  DOOR_OPEN: 'A door is open. Close every door, then try again.',
  FULLY_CHARGED: 'The battery is already charged to its limit.',
  HOOD_OPEN: 'The bonnet is open. Close it, then try again.',
  IGNITION_ON: 'The vehicle is switched on. Switch it off, then try again.',
  IN_MOTION: 'Your vehicle is moving. Try again once it is parked.',
  NOT_CHARGING: 'Your vehicle is not charging, so there is nothing to stop.',
  REMOTE_ACCESS_DISABLED:
    'Remote access is turned off in the vehicle. Turn it on in its settings, then try again.',
  TRUNK_OPEN: 'The boot is open. Close it, then try again.',
  UNREACHABLE: 'Your vehicle cannot be reached (no mobile signal?). Try again when it is back online.',
  VEHICLE_OFFLINE_FOR_SERVICE: 'Your vehicle is offline for service. Try again after the service.',
};
const RECONNECT_TYPES = new Set(['AUTHENTICATION', 'PERMISSION', 'CONNECTED_SERVICES_ACCOUNT']);

/**
 * Words for a Smartcar failure: Smartcar's own `suggestedUserMessage` when it
 * sends one, else a plain sentence by error type (and code, for vehicle
 * states). A rate limit says how long to wait: `retry-after` seconds, and the
 * time (UTC) from `now`.
 * @param now epoch ms, for the time a rate limit ends; default the wall clock
 * @returns undefined for anything that is not a Smartcar error (a bug: let it be a 500)
 */
export function describeSmartcarError(error: unknown, now: number = Date.now()): UpstreamProblem | undefined {
  if (!(error instanceof SmartcarError)) return undefined;
  if (error instanceof APIError) {
    const type = error.type?.toUpperCase() ?? '';
    const code = error.code?.toUpperCase();
    const byCode = type === 'VEHICLE_STATE' && code ? VEHICLE_STATE_BY_CODE[code] : undefined;
    const suggested = error.suggestedUserMessage?.trim();
    let message =
      suggested || byCode || BY_TYPE[type] || 'Smartcar could not answer. Please try again later.';
    // Smartcar's own words come first; a vehicle state's code still says what to change.
    if (suggested && byCode && code)
      message = `${suggested} (Reason: ${code.toLowerCase().replaceAll('_', ' ')}.)`;
    const retryAfter = error.retryAfter;
    if ((type === 'RATE_LIMIT' || error.status === 429) && retryAfter !== undefined && retryAfter > 0) {
      const until = new Date(now + retryAfter * 1000).toISOString().slice(11, 19);
      message = `${message} Smartcar asked to wait ${waitWords(retryAfter)} (until ${until} UTC).`;
    }
    return {
      message,
      requestId: error.requestId,
      reconnect: RECONNECT_TYPES.has(type) || error.resolution?.type === 'REAUTHENTICATE',
      type: error.type,
      code: error.code,
      retryAfterSeconds: retryAfter,
    };
  }
  if (error instanceof OAuthError) {
    return {
      message: 'Paddock could not sign in to Smartcar. Please try again later.',
      requestId: error.requestId,
      reconnect: false,
      type: 'AUTHENTICATION',
      code: error.error,
    };
  }
  if (error instanceof TimeoutError) {
    return {
      message: 'Smartcar took too long to answer. Please try again.',
      requestId: undefined,
      reconnect: false,
      type: 'NETWORK',
      code: 'TIMEOUT',
    };
  }
  if (error instanceof ConnectionError) {
    return {
      message: 'Paddock could not reach Smartcar. Please try again in a moment.',
      requestId: undefined,
      reconnect: false,
      type: 'NETWORK',
      code: 'CONNECTION',
    };
  }
  if (error instanceof InvalidResponseError) {
    return {
      message: 'Smartcar sent an answer Paddock could not read. Please try again later.',
      requestId: undefined,
      reconnect: false,
      type: 'NETWORK',
      code: 'INVALID_RESPONSE',
    };
  }
  return {
    message: 'Smartcar could not answer. Please try again later.',
    requestId: undefined,
    reconnect: false,
  };
}

function waitWords(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
