import type { Insertable, Selectable } from 'kysely';

// Timestamps are epoch milliseconds in integer (SQLite) / bigint (PostgreSQL) columns,
// so both dialects compare and sort them the same way.

/** An app account. Anonymous for now: created on a browser's first visit. */
export interface AccountTable {
  id: string;
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

/** The app's schema as Kysely sees it. */
export interface Database {
  accounts: AccountTable;
  sessions: SessionTable;
  oauth_states: OAuthStateTable;
  smartcar_users: SmartcarUserTable;
}

export type Account = Selectable<AccountTable>;
export type Session = Selectable<SessionTable>;
export type OAuthState = Selectable<OAuthStateTable>;
export type NewOAuthState = Insertable<OAuthStateTable>;
export type SmartcarUser = Selectable<SmartcarUserTable>;
