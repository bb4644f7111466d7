import {
  APIError,
  ConnectionError,
  InvalidResponseError,
  OAuthError,
  SmartcarError,
  TimeoutError,
} from '@paddock/sdk';

/** What the vehicle page says when Smartcar fails. */
export interface UpstreamProblem {
  readonly message: string;
  /** Smartcar's request id, for their support. */
  readonly requestId: string | undefined;
  /** Whether connecting again is the way out (permissions, re-authentication). */
  readonly reconnect: boolean;
}

// Plain words per Smartcar error type (reference §5.2), used when Smartcar sends no suggestedUserMessage.
const BY_TYPE: Record<string, string> = {
  AUTHENTICATION: 'Paddock could not sign in to Smartcar. Please try again later.',
  PERMISSION: "Paddock doesn't have permission to read this vehicle. Connect it again and allow access.",
  VALIDATION: 'Smartcar did not accept the request Paddock sent. Please try again later.',
  RESOURCE_NOT_FOUND: 'Smartcar could not find one of your vehicles. It may have been disconnected.',
  VEHICLE_STATE: "Your vehicle can't answer right now. Please try again later.",
  RATE_LIMIT: 'Too many requests reached Smartcar. Please wait a minute and try again.',
  BILLING: 'This app has reached a limit of its Smartcar plan. Please contact support.',
  COMPATIBILITY: "Your vehicle doesn't support what Paddock asked for.",
  CONNECTED_SERVICES_ACCOUNT:
    "There is a problem with your vehicle's connected-services account. Check it with the manufacturer, then connect again.",
  UPSTREAM: "Your vehicle's manufacturer is not answering Smartcar right now. Please try again later.",
  SERVER: 'Smartcar had a problem answering. Please try again later.',
};
const RECONNECT_TYPES = new Set(['PERMISSION', 'CONNECTED_SERVICES_ACCOUNT']);

/**
 * Words for a Smartcar failure: Smartcar's own `suggestedUserMessage` when it
 * sends one, else a plain sentence by error type.
 * @returns undefined for anything that is not a Smartcar error (a bug: let it be a 500)
 */
export function describeSmartcarError(error: unknown): UpstreamProblem | undefined {
  if (!(error instanceof SmartcarError)) return undefined;
  if (error instanceof APIError) {
    const type = error.type?.toUpperCase() ?? '';
    return {
      message:
        error.suggestedUserMessage?.trim() ||
        BY_TYPE[type] ||
        'Smartcar could not answer. Please try again later.',
      requestId: error.requestId,
      reconnect: RECONNECT_TYPES.has(type) || error.resolution?.type === 'REAUTHENTICATE',
    };
  }
  if (error instanceof OAuthError) {
    return { message: BY_TYPE.AUTHENTICATION!, requestId: error.requestId, reconnect: false };
  }
  if (error instanceof TimeoutError) {
    return {
      message: 'Smartcar took too long to answer. Please try again.',
      requestId: undefined,
      reconnect: false,
    };
  }
  if (error instanceof ConnectionError) {
    return {
      message: 'Paddock could not reach Smartcar. Please try again in a moment.',
      requestId: undefined,
      reconnect: false,
    };
  }
  if (error instanceof InvalidResponseError) {
    return {
      message: 'Smartcar sent an answer Paddock could not read. Please try again later.',
      requestId: undefined,
      reconnect: false,
    };
  }
  return {
    message: 'Smartcar could not answer. Please try again later.',
    requestId: undefined,
    reconnect: false,
  };
}
