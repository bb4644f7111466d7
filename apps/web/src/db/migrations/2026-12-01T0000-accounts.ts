import { type Kysely, sql } from 'kysely';

// Accounts get an email and a password; sign-in failures and the app's own
// secrets live in the database so every instance behind a load balancer
// shares them. Portable SQL only (text, bigint), as in the first migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The accounts made so far were anonymous, one per browser: nobody can sign
  // in to them, so they go with what hangs off them (children first, so this
  // holds whether or not the connection enforces foreign keys).
  for (const table of ['smartcar_users', 'oauth_states', 'sessions', 'accounts']) {
    await sql`delete from ${sql.table(table)}`.execute(db);
  }
  // Nullable at the SQL level because SQLite cannot add a NOT NULL column
  // without a default; the app always writes both.
  await db.schema.alterTable('accounts').addColumn('email', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('password_hash', 'text').execute();
  await db.schema.createIndex('accounts_email_key').on('accounts').column('email').unique().execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('bucket', 'text', (col) => col.notNull())
    .addColumn('failed_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_bucket_idx')
    .on('sign_in_failures')
    .columns(['bucket', 'failed_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_failures_failed_at_idx')
    .on('sign_in_failures')
    .column('failed_at')
    .execute();

  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('app_secrets').execute();
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropIndex('accounts_email_key').execute();
  await db.schema.alterTable('accounts').dropColumn('password_hash').execute();
  await db.schema.alterTable('accounts').dropColumn('email').execute();
}
