import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Records that a vehicle's signals were read in full at `now` (epoch ms). */
export async function markSignalsRead(db: Kysely<Database>, vehicleId: string, now: number): Promise<void> {
  await db
    .insertInto('signal_reads')
    .values({ vehicle_id: vehicleId, read_at: now })
    .onConflict((oc) => oc.column('vehicle_id').doUpdateSet({ read_at: now }))
    .execute();
}

/** When each of these vehicles was last read in full; vehicles never read are absent. */
export async function lastSignalReads(
  db: Kysely<Database>,
  vehicleIds: readonly string[],
): Promise<Map<string, number>> {
  if (vehicleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signal_reads')
    .selectAll()
    .where('vehicle_id', 'in', [...vehicleIds])
    .execute();
  return new Map(rows.map((r) => [r.vehicle_id, r.read_at]));
}
