import type { ConnectMode, PowertrainType, SmartcarOrigins, VehicleMode } from '@paddock/contract';

/**
 * Wire constants the SDK needs at run time. They mirror `@paddock/contract`
 * (a test checks each one against it) but live here so that the built SDK
 * imports only types from the contract, and so pulls in neither it nor zod.
 */

export const SMARTCAR_ORIGINS: Readonly<SmartcarOrigins> = Object.freeze({
  connect: 'https://connect.smartcar.com',
  iam: 'https://iam.smartcar.com',
  vehicleApi: 'https://vehicle.api.smartcar.com',
  managementApi: 'https://management.api.smartcar.com',
});

export const CONNECT_AUTHORIZE_PATH = '/oauth/authorize';
export const IAM_TOKEN_PATH = '/oauth2/token';

export const HEADER_USER_ID = 'sc-user-id';
export const HEADER_UNIT_SYSTEM = 'sc-unit-system';
export const HEADER_REQUEST_ID = 'sc-request-id';
/** Header carrying the webhook body's HMAC (reference §4.4). */
export const HEADER_SIGNATURE = 'sc-signature';

export const CONNECT_MODES: readonly ConnectMode[] = ['live', 'simulated', 'test'];
export const VEHICLE_MODES: readonly VehicleMode[] = ['live', 'simulated'];
export const POWERTRAIN_TYPES: readonly PowertrainType[] = ['BEV', 'PHEV', 'HEV', 'ICE'];

export const PAGE_NUMBER_PARAM = 'page[number]';
export const PAGE_SIZE_PARAM = 'page[size]';
export const MAX_PAGE_SIZE = 100;

export const CONNECTION_FILTERS = {
  userId: 'filter[userId]',
  vehicleId: 'filter[vehicleId]',
  vehicleMode: 'filter[vehicle.mode]',
  userExternalId: 'filter[user.externalId]',
} as const;

/** HTTP status of each v3 error type (reference §5.2), for errors that arrive without one. */
export const ERROR_TYPE_STATUS: Readonly<Record<string, number>> = Object.freeze({
  AUTHENTICATION: 401,
  PERMISSION: 403,
  VALIDATION: 400,
  RESOURCE_NOT_FOUND: 404,
  VEHICLE_STATE: 409,
  RATE_LIMIT: 429,
  BILLING: 430,
  COMPATIBILITY: 501,
  CONNECTED_SERVICES_ACCOUNT: 400,
  UPSTREAM: 502,
  SERVER: 500,
});
