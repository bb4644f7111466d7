import { APIError, type SmartcarClient } from '@paddock/sdk';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { withDeadline } from '../../lib/deadline.js';
import type { AppLogger } from '../../logger.js';
import { describeSmartcarError } from '../vehicles/smartcar-error-message.js';
import { listAccountVehicles } from '../vehicles/vehicles.repository.js';
import { recordSubscription, subscribedAmong } from './webhook-subscriptions.repository.js';

/** Longest subscribing one connection's vehicles may take, in ms (10 s). */
const SUBSCRIBE_DEADLINE_MS = 10_000;

export interface WebhookSubscriberDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly smartcar: SmartcarClient;
  readonly logger: AppLogger;
  /** The webhook vehicles are subscribed to; without one nothing is subscribed. */
  readonly webhookId: string | undefined;
}

/**
 * Subscribes connected vehicles to the app's webhook through the Management
 * API, so their changes arrive at /webhooks/smartcar. Never throws: a
 * failure is logged and recorded on the vehicle, whose page then says live
 * updates are off and why.
 */
export function createWebhookSubscriber({ db, clock, smartcar, logger, webhookId }: WebhookSubscriberDeps) {
  return {
    webhookId,
    /**
     * Subscribes the account's vehicles connected under this Smartcar user
     * that are not subscribed yet (new ones, and earlier failures).
     * @returns the vehicle ids now subscribed
     */
    async subscribeNew(accountId: string, smartcarUserId: string, signal?: AbortSignal): Promise<string[]> {
      if (webhookId === undefined) return [];
      try {
        const vehicles = (await listAccountVehicles(db, accountId)).filter(
          (v) => v.smartcar_user_id === smartcarUserId,
        );
        const done = await subscribedAmong(
          db,
          webhookId,
          vehicles.map((v) => v.vehicle_id),
        );
        const subscribed: string[] = [];
        for (const vehicle of vehicles.filter((v) => !done.has(v.vehicle_id))) {
          const vehicleId = vehicle.vehicle_id;
          try {
            await withDeadline(SUBSCRIBE_DEADLINE_MS, signal, (s) =>
              smartcar.subscriptions.create({ webhookId, userId: smartcarUserId, vehicleId }, { signal: s }),
            );
            subscribed.push(vehicleId);
          } catch (error) {
            // Already subscribed (e.g. the webhook subscribes new vehicles itself) is what we wanted.
            if (!(error instanceof APIError && error.status === 409)) {
              const problem = describeSmartcarError(error, clock.now());
              logger.warn(
                { err: error, vehicleId, webhookId },
                'could not subscribe a vehicle to the webhook',
              );
              await recordSubscription(db, {
                vehicleId,
                webhookId,
                smartcarUserId,
                status: 'FAILED',
                message: problem?.message ?? 'Paddock could not subscribe this vehicle to live updates.',
                now: clock.now(),
              });
              continue;
            }
            subscribed.push(vehicleId);
          }
          await recordSubscription(db, {
            vehicleId,
            webhookId,
            smartcarUserId,
            status: 'SUBSCRIBED',
            message: null,
            now: clock.now(),
          });
        }
        return subscribed;
      } catch (error) {
        logger.error({ err: error, webhookId }, 'subscribing vehicles to the webhook failed');
        return [];
      }
    },
  };
}

export type WebhookSubscriber = ReturnType<typeof createWebhookSubscriber>;
