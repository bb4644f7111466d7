export { TokenCache, type TokenCacheOptions } from './auth/token-cache.js';
export type { IssuedToken } from './auth/token-request.js';
export { SmartcarClient } from './client.js';
export { buildConnectUrl, type ConnectUrlParams, type ScopeEntry } from './connect-url.js';
export { APIPromise, type WithResponse } from './core/api-promise.js';
export type { Clock, RequestOptions, SmartcarClientOptions, UnitSystem } from './core/options.js';
export { path } from './core/path.js';
export type { ApiResponse } from './core/request.js';
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  BillingError,
  CompatibilityError,
  ConflictError,
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
export { Page, type PageInit, PagePromise } from './pagination.js';
export type { ChargeScheduleExecution } from './parse/charge-schedule.js';
export type { CommandExecution } from './parse/command.js';
export type { Connection } from './parse/connection.js';
export type { ExecutionBase } from './parse/execution.js';
export type {
  Application,
  ApplicationSecret,
  SignalReference,
  Subscription,
  Webhook,
} from './parse/management.js';
export type {
  IncludedVehicle,
  Signal,
  SignalBodyOf,
  SignalError,
  SignalFailure,
  SignalStatus,
  SignalSuccess,
} from './parse/signal.js';
export type { Vehicle } from './parse/vehicle.js';
export type { Applications } from './resources/applications.js';
export type {
  ChargeSchedules,
  ChargeWindow,
  DailySchedule,
  DayOfWeek,
  ScheduleTime,
  WeeklySchedule,
  WorkweekSchedule,
} from './resources/charge-schedules.js';
export type { Commands, Coordinates } from './resources/commands.js';
export type { ConnectionListParams, Connections } from './resources/connections.js';
export type { PageParams } from './resources/resource.js';
export { type AnySignalCode, SignalList, type Signals } from './resources/signals.js';
export type {
  SubscriptionCreated,
  SubscriptionCreateParams,
  SubscriptionListParams,
  Subscriptions,
} from './resources/subscriptions.js';
export type { Users } from './resources/users.js';
export type { Vehicles } from './resources/vehicles.js';
export type { WebhookListParams, Webhooks } from './resources/webhooks.js';
export { type RetryDecision, type RetryInput, shouldRetry } from './transport/retry-policy.js';
export { UserClient } from './user-client.js';
export { answerChallenge } from './webhooks/challenge.js';
export {
  parseWebhookEvent,
  type VehicleErrorEvent,
  type VehicleStateEvent,
  type VerifyEvent,
  type WebhookEvent,
  type WebhookEventMeta,
  type WebhookTrigger,
  type WebhookUser,
  type WebhookVehicle,
  type WebhookVehicleError,
} from './webhooks/events.js';
export {
  assertWebhook,
  type RawBody,
  type SignedWebhook,
  signWebhookForTest,
  verifyWebhook,
} from './webhooks/signature.js';
export { unwrapWebhook } from './webhooks/unwrap.js';
