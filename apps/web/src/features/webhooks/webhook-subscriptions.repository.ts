import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Whether a vehicle gets the app's webhook, as last attempted. */
export interface SubscriptionState {
  readonly status: 'SUBSCRIBED' | 'FAILED';
  /** Why subscribing failed, in words for the person. */
  readonly message: string | null;
  readonly updatedAt: number;
}

/** Records the outcome of subscribing a vehicle to a webhook (the newest attempt wins). */
export async function recordSubscription(
  db: Kysely<Database>,
  row: {
    vehicleId: string;
    webhookId: string;
    smartcarUserId: string;
    status: 'SUBSCRIBED' | 'FAILED';
    message: string | null;
    now: number;
  },
): Promise<void> {
  const values = {
    vehicle_id: row.vehicleId,
    webhook_id: row.webhookId,
    smartcar_user_id: row.smartcarUserId,
    status: row.status,
    message: row.message,
    updated_at: row.now,
  };
  await db
    .insertInto('webhook_subscriptions')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['vehicle_id', 'webhook_id']).doUpdateSet({
        smartcar_user_id: values.smartcar_user_id,
        status: values.status,
        message: values.message,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

/** A vehicle's subscription to a webhook, or undefined when none was attempted. */
export async function findSubscription(
  db: Kysely<Database>,
  vehicleId: string,
  webhookId: string,
): Promise<SubscriptionState | undefined> {
  const row = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
  return row
    ? {
        status: row.status === 'SUBSCRIBED' ? 'SUBSCRIBED' : 'FAILED',
        message: row.message,
        updatedAt: row.updated_at,
      }
    : undefined;
}

/** Of these vehicles, the ones already subscribed to the webhook. */
export async function subscribedAmong(
  db: Kysely<Database>,
  webhookId: string,
  vehicleIds: readonly string[],
): Promise<Set<string>> {
  if (vehicleIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .select('vehicle_id')
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'SUBSCRIBED')
    .where('vehicle_id', 'in', [...vehicleIds])
    .execute();
  return new Set(rows.map((r) => r.vehicle_id));
}

/**
 * Forgets a vehicle's subscriptions under a Smartcar user: Smartcar drops
 * them with the connection, so a later connection must be subscribed again.
 */
export async function deleteSubscriptionsOf(
  db: Kysely<Database>,
  vehicleId: string,
  smartcarUserId: string,
): Promise<void> {
  await db
    .deleteFrom('webhook_subscriptions')
    .where('vehicle_id', '=', vehicleId)
    .where('smartcar_user_id', '=', smartcarUserId)
    .execute();
}
