import type { ConnectMode, Permission, PowertrainType, ScopeEntry, VehicleMode } from '@paddock/contract';

/** A registered application. The client secret is kept only as a salted hash. */
export interface ApplicationRecord {
  id: string;
  clientId: string;
  name: string;
  secretSalt: Buffer;
  secretHash: Buffer;
  /**
   * The last characters of the client secret, shown by the Management API's
   * secrets list (never enough to use). Absent on records from states saved
   * before hints were kept, or when the secret is too short to spare any.
   */
  secretHint?: string;
  /** Kept in clear: it is the HMAC key that signs webhooks, so it must be usable, not just checkable. */
  managementToken: string;
  redirectUris: readonly string[];
  createdAt: number;
}

/** A Smartcar user: one per connected-services login. */
export interface UserRecord {
  id: string;
  email: string;
  createdAt: number;
}

export interface VehicleRecord {
  id: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  powertrainType: PowertrainType;
}

/** The grant of one vehicle of one user to one application. */
export interface ConnectionRecord {
  id: string;
  applicationId: string;
  userId: string;
  vehicleId: string;
  permissions: Permission[];
  mode: VehicleMode;
  externalId?: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

/** An application access token, stored by the SHA-256 of its value. */
export interface TokenRecord {
  tokenHash: string;
  applicationId: string;
  /** Epoch ms; the token is valid strictly before this instant. */
  expiresAt: number;
}

/** A validated `/oauth/authorize` request, kept server-side for the pages that follow. */
export interface AuthorizationRequest {
  applicationId: string;
  redirectUri: string;
  state?: string;
  scope: ScopeEntry[];
  mode: ConnectMode;
  /** The `make` parameter, upper case; the brand page is skipped when set. */
  make?: string;
  singleSelect: boolean;
  singleSelectVin?: string;
  externalId?: string;
  user?: string;
  flags: Record<string, string>;
  approvalPrompt: 'auto' | 'force';
  responseType: 'code' | 'vehicle_id' | 'none';
}

/** One browser's walk through the Connect pages. */
export interface InteractionRecord {
  id: string;
  request: AuthorizationRequest;
  /** The brand chosen on the brand page (or the `make` parameter). */
  make?: string;
  /** The login email, once the login page was passed. */
  email?: string;
  /** Epoch ms. */
  expiresAt: number;
}
