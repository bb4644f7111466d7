import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';
import { upsertVehicle } from '../../src/features/vehicles/vehicles.repository.js';

/**
 * Makes the vehicles connected to an account of their own, as /exchange
 * would: webhook values are applied only for vehicles someone holds.
 */
export async function holdVehicles(db: Kysely<Database>, ...vehicleIds: string[]): Promise<void> {
  const accountId = 'vehicle-holder';
  await db
    .insertInto('accounts')
    .values({ id: accountId, email: 'holder@example.com', password_hash: 'x', created_at: 0 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const vehicleId of vehicleIds) {
    await upsertVehicle(
      db,
      {
        accountId,
        vehicleId,
        smartcarUserId: 'user-1',
        make: 'TESLA',
        model: 'Model 3',
        year: 2024,
        powertrain: 'BEV',
      },
      0,
    );
  }
}
