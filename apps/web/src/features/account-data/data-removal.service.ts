import { type ConnectMode, vehicleModeOf } from '@paddock/contract';
import { NotFoundError, type SmartcarClient } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { Database, VehicleRow } from '../../db/tables.js';
import { inTransaction } from '../../db/transaction.js';
import { withDeadline } from '../../lib/deadline.js';
import { listSmartcarUserIds } from '../accounts/smartcar-users.repository.js';
import type { LiveHub } from '../live/live-hub.js';
import { deleteVehicleProblems } from '../vehicle-errors/vehicle-errors.repository.js';
import { listAccountVehicles, markVehicleDisconnected } from '../vehicles/vehicles.repository.js';
import { deleteSubscriptionsOf } from '../webhooks/webhook-subscriptions.repository.js';
import { deleteAccountData, deleteSignalsOfUnheld } from './account-data.repository.js';

/** Longest a disconnect or a deletion may wait on Smartcar, in ms (15 s). */
const REMOVAL_DEADLINE_MS = 15_000;

export interface DataRemovalDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly smartcar: SmartcarClient;
  readonly mode: ConnectMode;
  /** Told of each vehicle removed, so its open pages stop at once. */
  readonly live: Pick<LiveHub, 'publish'>;
}

/**
 * Disconnecting a vehicle and deleting an account. Smartcar is told first;
 * local rows change only once it agreed (or said the thing was already
 * gone), so a failure leaves everything as it was. Smartcar errors propagate.
 */
export function createDataRemovalService({ db, clock, smartcar, mode, live }: DataRemovalDeps) {
  const vehicleMode = vehicleModeOf(mode);
  return {
    /**
     * Revokes the vehicle's connection (`DELETE /v3/connections/{id}`), then
     * marks it disconnected here and forgets its webhook subscription, in one
     * transaction; its stored signals go too unless another account still holds it.
     */
    async disconnect(row: VehicleRow, signal?: AbortSignal): Promise<void> {
      await withDeadline(REMOVAL_DEADLINE_MS, signal, async (s) => {
        const options = { signal: s };
        let connectionId: string | undefined;
        const pages = smartcar.connections.list(
          { userId: row.smartcar_user_id, vehicleId: row.vehicle_id, vehicleMode },
          options,
        );
        for await (const connection of pages) {
          if (connection.vehicleId === row.vehicle_id) {
            // The guide's flat list shape carries no connection id; Smartcar then takes the vehicle id.
            connectionId = connection.id ?? connection.vehicleId;
            break;
          }
        }
        if (connectionId === undefined) return; // already disconnected at Smartcar
        try {
          await smartcar.connections.delete(connectionId, options);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
        }
      });
      await inTransaction(db, async (trx) => {
        await markVehicleDisconnected(trx, row.account_id, row.vehicle_id, clock.now());
        // Smartcar removed the subscription with the connection; connecting again must subscribe anew.
        await deleteSubscriptionsOf(trx, row.vehicle_id, row.smartcar_user_id);
        await deleteVehicleProblems(trx, row.vehicle_id, row.smartcar_user_id);
        await deleteSignalsOfUnheld(trx, [row.vehicle_id]);
      });
      live.publish({ vehicleId: row.vehicle_id, kind: 'connection' });
    },

    /**
     * Deletes everything the app holds for the account: each Smartcar user it
     * linked (`DELETE /v3/users/{id}`, which revokes all its connections),
     * then every local row, the account included. A Smartcar user belongs to
     * one account (/exchange refuses a second), so it is revoked even if an
     * older link from another account exists: leaving it would keep access
     * the person asked to remove.
     */
    async deleteAccount(accountId: string, signal?: AbortSignal): Promise<void> {
      const users = await listSmartcarUserIds(db, accountId);
      await withDeadline(REMOVAL_DEADLINE_MS, signal, async (s) => {
        for (const userId of users) {
          try {
            await smartcar.users.delete(userId, { signal: s });
          } catch (error) {
            if (!(error instanceof NotFoundError)) throw error;
          }
        }
      });
      const vehicles = await listAccountVehicles(db, accountId);
      await inTransaction(db, (trx) => deleteAccountData(trx, accountId));
      for (const v of vehicles) live.publish({ vehicleId: v.vehicle_id, kind: 'connection' });
    },
  };
}

export type DataRemovalService = ReturnType<typeof createDataRemovalService>;
