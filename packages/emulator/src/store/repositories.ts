import type { VehicleMode } from '@paddock/contract';
import type { ChargeScheduleRepository } from './charge-schedules.js';
import type { CommandExecutionRepository } from './command-executions.js';
import type {
  ApplicationRecord,
  ConnectionRecord,
  InteractionRecord,
  TokenRecord,
  UserRecord,
  VehicleRecord,
} from './records.js';
import type { VehicleStateRepository } from './vehicle-states.js';
import type {
  Dumpable,
  OutboxRepository,
  SubscriptionRepository,
  WebhookRepository,
} from './webhook-repositories.js';

/**
 * The storage seams. The in-memory implementation lives beside this file;
 * anything else (SQLite) only has to implement these interfaces.
 */
export interface ApplicationRepository extends Dumpable<ApplicationRecord> {
  /** Throws if the id or client id is already taken. */
  insert(app: ApplicationRecord): void;
  findById(id: string): ApplicationRecord | undefined;
  findByClientId(clientId: string): ApplicationRecord | undefined;
}

export interface UserRepository extends Dumpable<UserRecord> {
  /** Inserts the user, or leaves an existing one untouched. */
  ensure(user: UserRecord): UserRecord;
  findById(id: string): UserRecord | undefined;
}

export interface VehicleRepository extends Dumpable<VehicleRecord> {
  /** Inserts the vehicle, or leaves an existing one untouched (its attributes derive from its id). */
  ensure(vehicle: VehicleRecord): VehicleRecord;
  findById(id: string): VehicleRecord | undefined;
}

export interface ConnectionQuery {
  applicationId: string;
  userId?: string;
  vehicleId?: string;
  mode?: VehicleMode;
  externalId?: string;
}

export interface ConnectionRepository extends Dumpable<ConnectionRecord> {
  insert(connection: ConnectionRecord): void;
  update(connection: ConnectionRecord): void;
  findById(id: string): ConnectionRecord | undefined;
  find(applicationId: string, userId: string, vehicleId: string): ConnectionRecord | undefined;
  /** Matching connections ordered by `createdAt` descending (newest first, then latest inserted). */
  list(
    query: ConnectionQuery,
    page: { offset: number; limit: number },
  ): { items: ConnectionRecord[]; total: number };
  /** Whether the application holds at least one connection to the vehicle. */
  findForVehicle(applicationId: string, vehicleId: string): ConnectionRecord | undefined;
  /** Removes one connection; false when there was none with that id. */
  delete(id: string): boolean;
  /** Removes every connection of the user to the application; returns how many there were. */
  deleteForUser(applicationId: string, userId: string): number;
}

/** Tokens expire on the emulator clock: an expired token is never returned. */
export interface TokenRepository extends Dumpable<TokenRecord> {
  insert(token: TokenRecord): void;
  findValid(tokenHash: string): TokenRecord | undefined;
}

/** Interactions expire on the emulator clock: an expired one is never returned. */
export interface InteractionRepository extends Dumpable<InteractionRecord> {
  insert(interaction: InteractionRecord): void;
  findValid(id: string): InteractionRecord | undefined;
  update(interaction: InteractionRecord): void;
  delete(id: string): void;
}

/** Every repository the emulator uses. */
export interface Store {
  applications: ApplicationRepository;
  users: UserRepository;
  vehicles: VehicleRepository;
  connections: ConnectionRepository;
  tokens: TokenRepository;
  interactions: InteractionRepository;
  webhooks: WebhookRepository;
  subscriptions: SubscriptionRepository;
  /** The durable outbox of webhook events and their delivery attempts. */
  outbox: OutboxRepository;
  commandExecutions: CommandExecutionRepository;
  chargeSchedules: ChargeScheduleRepository;
  /** Simulated vehicle state, created on first use. */
  vehicleStates: VehicleStateRepository;
}
