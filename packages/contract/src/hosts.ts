/** Smartcar's production origins, one per surface. */
export const SMARTCAR_ORIGINS = {
  connect: 'https://connect.smartcar.com',
  iam: 'https://iam.smartcar.com',
  vehicleApi: 'https://vehicle.api.smartcar.com',
  managementApi: 'https://management.api.smartcar.com',
} as const;

export type SmartcarSurface = keyof typeof SMARTCAR_ORIGINS;
export type SmartcarOrigins = Record<SmartcarSurface, string>;

/** Path of the Connect authorization page on the connect origin. */
export const CONNECT_AUTHORIZE_PATH = '/oauth/authorize';
/** Path of the OAuth 2.0 token endpoint on the IAM origin. */
export const IAM_TOKEN_PATH = '/oauth2/token';
/** Lifetime of an application access token, in seconds (reference §2). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

/** Request headers of the Vehicle API v3 (reference §3.1). */
export const HEADER_USER_ID = 'sc-user-id';
export const HEADER_UNIT_SYSTEM = 'sc-unit-system';
/** Response header carrying Smartcar's request id (reference §5.3). */
export const HEADER_REQUEST_ID = 'sc-request-id';
