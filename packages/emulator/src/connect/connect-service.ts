import {
  CONNECT_ERRORS,
  type ConnectErrorCode,
  PERMISSIONS,
  type Permission,
  type VehicleMode,
  vehicleModeOf,
} from '@paddock/contract';
import type { EmulatorDeps } from '../deps.js';
import { type Account, type AccountVehicle, resolveAccount } from '../simulation/accounts.js';
import type { ApplicationRecord, ConnectionRecord, InteractionRecord } from '../store/records.js';

/**
 * The domain of Connect, shared by the pages and their API twin
 * (`POST /_emulator/connect`): which vehicles a login offers, and what
 * "Allow" stores.
 */

/** A Connect error outcome, sent back as `error=…` (reference §1.3). */
export interface ConnectFailure {
  error: ConnectErrorCode;
  description: string;
  /** `vehicle_incompatible` only. */
  vehicle?: { vin: string; make: string; model: string; year: string };
}

export type OfferResult =
  | { ok: true; account: Account; offered: AccountVehicle[] }
  | { ok: false; failure: ConnectFailure };

/**
 * The account behind a login, and the vehicles the grant screen may offer:
 * all of them, or only `singleSelectVin`. Fails like Connect does right
 * after login (`invalid_subscription`, `no_vehicles`).
 */
export function offerVehicles(
  deps: Pick<EmulatorDeps, 'seed'>,
  email: string,
  make?: string,
  singleSelectVin?: string,
): OfferResult {
  const account = resolveAccount(deps.seed, email, make);
  if (account.failure === 'invalid_subscription') {
    return {
      ok: false,
      failure: { error: 'invalid_subscription', description: CONNECT_ERRORS.invalid_subscription },
    };
  }
  const offered = singleSelectVin
    ? account.vehicles.filter((v) => v.vin === singleSelectVin)
    : account.vehicles;
  if (offered.length === 0) {
    const description = `The connected-services account holds no vehicle with VIN ${singleSelectVin}.`;
    return { ok: false, failure: { error: 'no_vehicles', description } };
  }
  return { ok: true, account, offered };
}

export interface ConnectInput {
  application: ApplicationRecord;
  email: string;
  /** Brand chosen in Connect; generated vehicles are of this make. */
  make?: string;
  mode: VehicleMode;
  /** Granted permissions (required ones plus the optional ones left ticked). */
  permissions: readonly Permission[];
  /** VINs or vehicle ids to connect; default every offered vehicle. */
  vehicles?: readonly string[];
  singleSelectVin?: string;
  externalId?: string;
}

export type ConnectResult =
  | { ok: true; userId: string; vehicleIds: string[]; connectionIds: string[] }
  | { ok: false; failure: ConnectFailure }
  /** The caller's choice makes no sense (unknown vehicle, nothing chosen). */
  | { ok: false; invalidInput: string };

/**
 * "Allow": stores the user, the vehicles and one connection per (user,
 * vehicle, application). Connecting again adds permissions and never
 * duplicates a connection.
 */
export function connect(
  deps: Pick<EmulatorDeps, 'seed' | 'store' | 'clock' | 'ids'>,
  input: ConnectInput,
): ConnectResult {
  const offer = offerVehicles(deps, input.email, input.make, input.singleSelectVin);
  if (!offer.ok) return offer;
  const chosen = chooseVehicles(offer.offered, input.vehicles);
  if (typeof chosen === 'string') return { ok: false, invalidInput: chosen };

  const incompatible = chosen.find((v) => !v.compatible);
  if (incompatible) {
    const { vin, make, model, year } = incompatible;
    const failure: ConnectFailure = {
      error: 'vehicle_incompatible',
      description: CONNECT_ERRORS.vehicle_incompatible,
      vehicle: { vin, make, model, year: String(year) },
    };
    return { ok: false, failure };
  }

  const { store, clock } = deps;
  const now = clock.now();
  const user = store.users.ensure({ id: offer.account.userId, email: offer.account.email, createdAt: now });
  const connectionIds = chosen.map((vehicle) => {
    const { compatible: _, ...record } = vehicle;
    store.vehicles.ensure(record);
    return upsertConnection(deps, input, user.id, vehicle.id, now).id;
  });
  return { ok: true, userId: user.id, vehicleIds: chosen.map((v) => v.id), connectionIds };
}

function chooseVehicles(offered: AccountVehicle[], refs?: readonly string[]): AccountVehicle[] | string {
  if (refs === undefined) return offered;
  if (refs.length === 0) return 'Choose at least one vehicle.';
  const chosen = new Map<string, AccountVehicle>();
  for (const ref of refs) {
    const vehicle = offered.find((v) => v.id === ref || v.vin === ref.toUpperCase());
    if (!vehicle) return `Vehicle ${ref} is not offered by this account.`;
    chosen.set(vehicle.id, vehicle);
  }
  return [...chosen.values()];
}

function upsertConnection(
  { store, ids }: Pick<EmulatorDeps, 'store' | 'ids'>,
  input: ConnectInput,
  userId: string,
  vehicleId: string,
  now: number,
): ConnectionRecord {
  const appId = input.application.id;
  const existing = store.connections.find(appId, userId, vehicleId);
  if (!existing) {
    const record: ConnectionRecord = {
      id: ids.uuid(),
      applicationId: appId,
      userId,
      vehicleId,
      permissions: sortPermissions(input.permissions),
      mode: input.mode,
      externalId: input.externalId || undefined,
      createdAt: now,
      updatedAt: now,
    };
    store.connections.insert(record);
    return record;
  }
  const updated: ConnectionRecord = {
    ...existing,
    permissions: sortPermissions([...existing.permissions, ...input.permissions]),
    mode: input.mode,
    // An empty external_id clears it; an absent one keeps it.
    externalId: input.externalId === undefined ? existing.externalId : input.externalId || undefined,
    updatedAt: now,
  };
  store.connections.update(updated);
  return updated;
}

/** Unique, in catalogue order, so responses are stable. */
function sortPermissions(permissions: readonly Permission[]): Permission[] {
  const set = new Set(permissions);
  return PERMISSIONS.filter((p) => set.has(p));
}

/**
 * `approval_prompt=auto`: when the user already granted this application
 * every requested permission on offered vehicles in this mode, Connect skips
 * the grant screen and answers with those connections.
 */
export function alreadyGranted(
  { store }: Pick<EmulatorDeps, 'store'>,
  interaction: InteractionRecord,
  offer: Extract<OfferResult, { ok: true }>,
): { userId: string; vehicleIds: string[] } | undefined {
  const { applicationId, scope, mode } = interaction.request;
  const offered = new Set(offer.offered.map((v) => v.id));
  const { items } = store.connections.list(
    { applicationId, userId: offer.account.userId, mode: vehicleModeOf(mode) },
    { offset: 0, limit: Number.MAX_SAFE_INTEGER },
  );
  const covering = items.filter(
    (c) => offered.has(c.vehicleId) && scope.every((e) => c.permissions.includes(e.permission)),
  );
  if (covering.length === 0) return undefined;
  return { userId: offer.account.userId, vehicleIds: covering.map((c) => c.vehicleId) };
}
