export { TokenCache } from './auth/token-cache.js';
export type { IssuedToken } from './auth/token-request.js';
export { SmartcarClient } from './client.js';
export { buildConnectUrl, type ConnectUrlParams, type ScopeEntry } from './connect-url.js';
export type { Clock, RequestOptions, SmartcarClientOptions } from './core/options.js';
export { path } from './core/path.js';
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  BillingError,
  CompatibilityError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  OAuthError,
  PermissionDeniedError,
  RateLimitError,
  type Resolution,
  SmartcarError,
  TimeoutError,
  UpstreamError,
  VehicleStateError,
  WebhookSignatureError,
} from './errors.js';
export { Page, PagePromise } from './pagination.js';
export type { Connection } from './parse/connection.js';
export type { Vehicle } from './parse/vehicle.js';
export type { ConnectionListParams, Connections } from './resources/connections.js';
export type { Vehicles } from './resources/vehicles.js';
export { type RetryDecision, type RetryInput, shouldRetry } from './transport/retry-policy.js';
