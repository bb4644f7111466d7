import type { Kysely } from 'kysely';

// What the dashboard adds: one-time messages shown after a form is posted
// (post/redirect/get), when each vehicle's signals were last read in full
// from Smartcar, and whether each vehicle is subscribed to the app's
// webhook. Portable SQL only (text, bigint), as in the earlier migrations.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flash_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Bound to the browser session that posted the form; gone with it.
    .addColumn('session_id_hash', 'text', (col) =>
      col.notNull().references('sessions.id_hash').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('action_href', 'text')
    .addColumn('action_label', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('flash_messages_session_idx')
    .on('flash_messages')
    .columns(['session_id_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('signal_reads')
    .addColumn('vehicle_id', 'text', (col) => col.primaryKey())
    .addColumn('read_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('vehicle_id', 'text', (col) => col.notNull())
    .addColumn('webhook_id', 'text', (col) => col.notNull())
    .addColumn('smartcar_user_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('message', 'text')
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('webhook_subscriptions_pk', ['vehicle_id', 'webhook_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_subscriptions').execute();
  await db.schema.dropTable('signal_reads').execute();
  await db.schema.dropTable('flash_messages').execute();
}
