import { type ConnectMode, POWERTRAIN_TYPES, type PowertrainType, vehicleModeOf } from '@paddock/contract';
import { type Connection, type SmartcarClient, TimeoutError, type Vehicle } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { mapConcurrent } from '../../lib/map-concurrent.js';
import { listSmartcarUserIds } from '../accounts/smartcar-users.repository.js';
import { upsertVehicle } from './vehicles.repository.js';

/** Vehicle details fetched at once, at most; Smartcar rate-limits per application. */
export const VEHICLE_FETCH_CONCURRENCY = 4;
/** Longest a whole listing may take, in ms (15 s), whatever the SDK's per-call timeout and retries. */
export const LIST_DEADLINE_MS = 15_000;
// The largest page Smartcar serves: one request for most accounts instead of one per 10 connections.
const CONNECTIONS_PAGE_SIZE = 100;

export interface VehiclesServiceDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly smartcar: SmartcarClient;
  readonly mode: ConnectMode;
  /** Overall deadline of `listVehicles`, in ms. Default {@link LIST_DEADLINE_MS}. */
  readonly deadlineMs?: number;
}

/** A listed vehicle with the stored Smartcar user it is connected under (its `sc-user-id`). */
export type ListedVehicle = Vehicle & { readonly smartcarUserId: string };

/** An account's vehicles, read from Smartcar with user ids from our own store only. */
export function createVehiclesService({
  db,
  clock,
  smartcar,
  mode,
  deadlineMs = LIST_DEADLINE_MS,
}: VehiclesServiceDeps) {
  const vehicleMode = vehicleModeOf(mode);
  return {
    /** Whether this account has linked any Smartcar user. */
    async hasConnection(accountId: string): Promise<boolean> {
      return (await listSmartcarUserIds(db, accountId)).length > 0;
    },

    /**
     * Stores the vehicles a Smartcar user just connected to the account (after
     * /exchange): one row per account and vehicle, so connecting again adds
     * only what is new. Smartcar errors propagate.
     * @returns the ids of vehicles new to the account
     */
    async rememberConnections(
      accountId: string,
      smartcarUserId: string,
      signal?: AbortSignal,
    ): Promise<string[]> {
      const deadline = AbortSignal.timeout(deadlineMs);
      const options = { signal: signal ? AbortSignal.any([signal, deadline]) : deadline };
      const listed: Connection[] = [];
      const pages = smartcar.connections.list(
        { userId: smartcarUserId, vehicleMode, pageSize: CONNECTIONS_PAGE_SIZE },
        options,
      );
      for await (const connection of pages) listed.push(connection);
      const added: string[] = [];
      const now = clock.now();
      for (const connection of listed) {
        const vehicle = connection.vehicle;
        const isNew = await upsertVehicle(
          db,
          {
            accountId,
            vehicleId: connection.vehicleId,
            smartcarUserId,
            make: vehicle?.make,
            model: vehicle?.model,
            year: vehicle?.year,
            powertrain: vehicle?.powertrainType,
          },
          now,
        );
        if (isNew) added.push(connection.vehicleId);
      }
      return added;
    },

    /**
     * Every vehicle connected to the account, in connection order, each with
     * its details: from the connection list's vehicle attributes when it
     * carries them, else from `GET /v3/vehicles/{id}`. The whole listing stops
     * at the deadline or when `signal` aborts (the browser went away).
     * Smartcar errors propagate as the SDK's errors.
     */
    async listVehicles(accountId: string, signal?: AbortSignal): Promise<ListedVehicle[]> {
      const deadline = AbortSignal.timeout(deadlineMs);
      const options = { signal: signal ? AbortSignal.any([signal, deadline]) : deadline };
      try {
        return await listWithin(accountId, options);
      } catch (error) {
        // The SDK rethrows an abort's reason; ours becomes the SDK's timeout so the page can say so.
        if (deadline.aborted && !signal?.aborted)
          throw new TimeoutError(`Listing vehicles took longer than ${deadlineMs} ms`, { cause: error });
        throw error;
      }
    },
  };

  async function listWithin(accountId: string, options: { signal: AbortSignal }): Promise<ListedVehicle[]> {
    // vehicleId → the connection it was first listed under; the user id that
    // goes back to Smartcar is always our stored one, never one from a response.
    const found = new Map<string, { userId: string; connection: Connection }>();
    for (const userId of await listSmartcarUserIds(db, accountId)) {
      const pages = smartcar.connections.list(
        { userId, vehicleMode, pageSize: CONNECTIONS_PAGE_SIZE },
        options,
      );
      for await (const connection of pages) {
        if (!found.has(connection.vehicleId)) found.set(connection.vehicleId, { userId, connection });
      }
    }
    return mapConcurrent(
      [...found],
      VEHICLE_FETCH_CONCURRENCY,
      async ([vehicleId, { userId, connection }]) => {
        const vehicle =
          fromConnection(vehicleId, connection) ??
          (await smartcar.vehicles.retrieve(vehicleId, { ...options, userId }));
        return { ...vehicle, smartcarUserId: userId };
      },
    );
  }
}

/** The vehicle as the connection list describes it, or undefined when make, model or year is missing. */
function fromConnection(id: string, connection: Connection): Vehicle | undefined {
  const attributes = connection.vehicle;
  if (!attributes?.make || !attributes.model || attributes.year === undefined) return undefined;
  const vehicle: Vehicle = { id, make: attributes.make, model: attributes.model, year: attributes.year };
  const powertrain = attributes.powertrainType;
  if (powertrain !== undefined && (POWERTRAIN_TYPES as readonly string[]).includes(powertrain))
    vehicle.powertrainType = powertrain as PowertrainType;
  if (attributes.mode === 'live' || attributes.mode === 'simulated') vehicle.mode = attributes.mode;
  return vehicle;
}

export type VehiclesService = ReturnType<typeof createVehiclesService>;
