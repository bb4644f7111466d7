import type { Insertable, Selectable } from 'kysely';

// Timestamps are epoch milliseconds in integer (SQLite) / bigint (PostgreSQL) columns,
// so both dialects compare and sort them the same way; PostgreSQL's int8 is
// read back as a number by the pool's type parser (see database.ts).

/** An app account: an email and a scrypt password hash (see `security/password-hasher.ts`). */
export interface AccountTable {
  id: string;
  /** Trimmed and lower-cased; unique. */
  email: string;
  password_hash: string;
  created_at: number;
}

/** A browser session; only the SHA-256 of the cookie value is stored. */
export interface SessionTable {
  id_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}

/** A one-time OAuth `state`, bound to the session that asked for it; stored hashed. */
export interface OAuthStateTable {
  state_hash: string;
  session_id_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** The link between an app account and a Smartcar `user_id` from Connect. */
export interface SmartcarUserTable {
  account_id: string;
  smartcar_user_id: string;
  created_at: number;
}

/**
 * One sign-in attempt, counted per bucket (a hash of the email, or of the
 * client address). Recorded before the password is checked; a successful
 * attempt is removed again, so what stays are failures.
 */
export interface SignInFailureTable {
  bucket: string;
  failed_at: number;
  /** Identifies the attempt's rows, or null (rows from before attempts had ids). */
  attempt_id: string | null;
}

/** Secrets the app makes for itself at first use and shares between instances (e.g. the CSRF key). */
export interface AppSecretTable {
  name: string;
  value: string;
  created_at: number;
}

/** A vehicle connected to an account, as last listed by Smartcar. */
export interface VehicleTable {
  account_id: string;
  vehicle_id: string;
  /** The Smartcar user it was connected under: the `sc-user-id` for its calls. */
  smartcar_user_id: string;
  make: string | null;
  model: string | null;
  year: number | null;
  /** `BEV`, `PHEV`, `HEV` or `ICE`, when known. */
  powertrain: string | null;
  connected_at: number;
  disconnected_at: number | null;
}

/** The newest value of one signal of one vehicle. */
export interface SignalLatestTable {
  vehicle_id: string;
  /** Catalogue code, e.g. `tractionbattery-stateofcharge`. */
  code: string;
  /** `SUCCESS`, `ERROR` or `UNAVAILABLE`. */
  status: string;
  /** The signal's body as JSON text; for ERROR/UNAVAILABLE, the error object. */
  body: string | null;
  /** When the manufacturer says the value was true (epoch ms); orders deliveries. */
  oem_updated_at: number;
  received_at: number;
}

/** One past value of a signal: a number (`body.value`) when it has one, else the body. */
export interface SignalHistoryTable {
  vehicle_id: string;
  code: string;
  oem_updated_at: number;
  value_number: number | null;
  body: string | null;
  received_at: number;
}

/** A webhook event as it arrived (raw body), stored once by its `eventId`. */
export interface WebhookEventTable {
  event_id: string;
  /** `eventType`: `VERIFY`, `VEHICLE_STATE`, `VEHICLE_ERROR`. */
  type: string;
  body: string;
  received_at: number;
}

/** One command sent to a vehicle, and how it ended. */
export interface CommandLogTable {
  id: string;
  account_id: string;
  vehicle_id: string;
  /** e.g. `lock`, `unlock`, `start-charge`, `set-charge-limit`, `send-destination`. */
  command: string;
  /** JSON text of the command's parameters, or null. */
  parameters: string | null;
  /** `PENDING`, `SUCCEEDED` or `FAILED`. */
  status: string;
  error_type: string | null;
  error_code: string | null;
  /** What the person was shown (Smartcar's `suggestedUserMessage` when given). */
  error_message: string | null;
  /** Smartcar's request id. */
  request_id: string | null;
  created_at: number;
  completed_at: number | null;
}

/** A message shown once on the next page of the session that posted a form. */
export interface FlashMessageTable {
  id: string;
  session_id_hash: string;
  /** `success`, `error` or `info`. */
  kind: string;
  message: string;
  /** A way out offered with the message (e.g. connect again), or null. */
  action_href: string | null;
  action_label: string | null;
  created_at: number;
}

/** When a vehicle's signals were last read in full from Smartcar (epoch ms). */
export interface SignalReadTable {
  vehicle_id: string;
  read_at: number;
}

/** A random version of a vehicle's latest values, replaced by every write of them. */
export interface SignalVersionTable {
  vehicle_id: string;
  version: number;
}

/** Whether a vehicle is subscribed to the app's webhook through the Management API. */
export interface WebhookSubscriptionTable {
  vehicle_id: string;
  webhook_id: string;
  smartcar_user_id: string;
  /** `SUBSCRIBED` or `FAILED`. */
  status: string;
  /** Why it failed, in words for the person, or null. */
  message: string | null;
  updated_at: number;
}

/** When a vehicle's signals were last read on a person's request (see `refresh-throttle.ts`). */
export interface RefreshClaimTable {
  vehicle_id: string;
  claimed_at: number;
}

/** A problem Smartcar reported about a user's vehicle (`VEHICLE_ERROR`) and has not reported resolved. */
export interface VehicleErrorTable {
  vehicle_id: string;
  /** The event's `user.id`: whose connection the problem is about. */
  smartcar_user_id: string;
  /** Smartcar's error type, e.g. `CONNECTED_SERVICES_ACCOUNT`, `VEHICLE_STATE`. */
  type: string;
  /** Smartcar's code, e.g. `AUTHENTICATION_FAILED`; '' when it sent none. */
  code: string;
  description: string | null;
  suggested_user_message: string | null;
  /** `resolution.type`: `REAUTHENTICATE`, `RETRY_LATER`, `CONTACT_SUPPORT` or null. */
  resolution_type: string | null;
  /** JSON array of the signal codes the error affects. */
  signal_codes: string;
  /** The event that reported it last. */
  event_id: string;
  /** When that event was received (epoch ms). */
  reported_at: number;
}

/** The app's schema as Kysely sees it. */
export interface Database {
  accounts: AccountTable;
  sessions: SessionTable;
  oauth_states: OAuthStateTable;
  smartcar_users: SmartcarUserTable;
  sign_in_failures: SignInFailureTable;
  app_secrets: AppSecretTable;
  vehicles: VehicleTable;
  signal_latest: SignalLatestTable;
  signal_history: SignalHistoryTable;
  webhook_events: WebhookEventTable;
  command_log: CommandLogTable;
  flash_messages: FlashMessageTable;
  signal_reads: SignalReadTable;
  signal_versions: SignalVersionTable;
  webhook_subscriptions: WebhookSubscriptionTable;
  refresh_claims: RefreshClaimTable;
  vehicle_errors: VehicleErrorTable;
}

export type Account = Selectable<AccountTable>;
export type Session = Selectable<SessionTable>;
export type OAuthState = Selectable<OAuthStateTable>;
export type NewOAuthState = Insertable<OAuthStateTable>;
export type SmartcarUser = Selectable<SmartcarUserTable>;
export type VehicleRow = Selectable<VehicleTable>;
export type SignalLatest = Selectable<SignalLatestTable>;
export type SignalHistory = Selectable<SignalHistoryTable>;
export type WebhookEvent = Selectable<WebhookEventTable>;
export type CommandLogEntry = Selectable<CommandLogTable>;
