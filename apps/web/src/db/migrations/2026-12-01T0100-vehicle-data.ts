import type { Kysely } from 'kysely';

// What the dashboard, webhooks and commands keep: the account's vehicles,
// the latest value of each signal, their history, every webhook event once,
// and the command log. Portable SQL only: text, bigint (epoch ms), integer
// and double precision; no autoincrement (ids are made by the app), no JSON
// column type (JSON is text), no booleans.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vehicles')
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('vehicle_id', 'text', (col) => col.notNull())
    .addColumn('smartcar_user_id', 'text', (col) => col.notNull())
    .addColumn('make', 'text')
    .addColumn('model', 'text')
    .addColumn('year', 'integer')
    .addColumn('powertrain', 'text')
    .addColumn('connected_at', 'bigint', (col) => col.notNull())
    .addColumn('disconnected_at', 'bigint')
    // Connecting again finds the row instead of adding a second one.
    .addPrimaryKeyConstraint('vehicles_pk', ['account_id', 'vehicle_id'])
    .execute();
  // Webhooks name a vehicle, not an account.
  await db.schema.createIndex('vehicles_vehicle_id_idx').on('vehicles').column('vehicle_id').execute();

  await db.schema
    .createTable('signal_latest')
    .addColumn('vehicle_id', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('body', 'text')
    .addColumn('oem_updated_at', 'bigint', (col) => col.notNull())
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('signal_latest_pk', ['vehicle_id', 'code'])
    .execute();

  await db.schema
    .createTable('signal_history')
    .addColumn('vehicle_id', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('oem_updated_at', 'bigint', (col) => col.notNull())
    .addColumn('value_number', 'double precision')
    .addColumn('body', 'text')
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    // Also the index of time-range reads; one value per signal and instant.
    .addPrimaryKeyConstraint('signal_history_pk', ['vehicle_id', 'code', 'oem_updated_at'])
    .execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('event_id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('command_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('vehicle_id', 'text', (col) => col.notNull())
    .addColumn('command', 'text', (col) => col.notNull())
    .addColumn('parameters', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('error_type', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('request_id', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('command_log_vehicle_idx')
    .on('command_log')
    .columns(['account_id', 'vehicle_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('command_log').execute();
  await db.schema.dropTable('webhook_events').execute();
  await db.schema.dropTable('signal_history').execute();
  await db.schema.dropTable('signal_latest').execute();
  await db.schema.dropTable('vehicles').execute();
}
