import type { Kysely } from 'kysely';

// Old webhook events and signal history are pruned by age (see
// features/retention): these indexes let the periodic delete find them
// without scanning the whole table.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('webhook_events_received_at_idx')
    .on('webhook_events')
    .column('received_at')
    .execute();
  await db.schema
    .createIndex('signal_history_oem_updated_at_idx')
    .on('signal_history')
    .column('oem_updated_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('signal_history_oem_updated_at_idx').execute();
  await db.schema.dropIndex('webhook_events_received_at_idx').execute();
}
