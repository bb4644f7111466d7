import { CONNECT_ERRORS, type ConnectErrorCode } from '@paddock/contract';

/** How the app answers one of Connect's `error` values. */
export interface ConnectErrorInfo {
  readonly status: 400 | 403 | 502;
  readonly title: string;
  readonly message: string;
}

const INFO: Record<ConnectErrorCode, ConnectErrorInfo> = {
  access_denied: {
    status: 403,
    title: 'Access denied',
    message:
      'You denied access to your vehicle, so nothing was connected. You can try again whenever you like.',
  },
  invalid_subscription: {
    status: 403,
    title: 'Connected-services subscription needed',
    message:
      "Your vehicle's connected-services subscription is missing or has expired. Renew it with the manufacturer, then connect again.",
  },
  vehicle_incompatible: {
    status: 400,
    title: 'Vehicle not compatible',
    message: 'The vehicle you chose cannot provide what this app needs, so nothing was connected.',
  },
  configuration_error: {
    status: 400,
    title: 'Connect is misconfigured',
    message:
      'Smartcar Connect refused the request because of how this app is set up. Please contact support.',
  },
  no_vehicles: {
    status: 400,
    title: 'No vehicles found',
    message:
      'The connected-services account you signed in with has no vehicles. Add one with the manufacturer, then try again.',
  },
  server_error: {
    status: 502,
    title: 'Smartcar had a problem',
    message: 'Smartcar could not complete the connection. Please try again in a few minutes.',
  },
};

const UNKNOWN: ConnectErrorInfo = {
  status: 400,
  title: 'Connection failed',
  message: 'Smartcar Connect did not complete, so nothing was connected. Please try again.',
};

/** Page wording and status for a Connect `error` value; unknown values get a generic answer. */
export function connectErrorInfo(code: string): ConnectErrorInfo {
  return Object.hasOwn(CONNECT_ERRORS, code) ? INFO[code as ConnectErrorCode] : UNKNOWN;
}
