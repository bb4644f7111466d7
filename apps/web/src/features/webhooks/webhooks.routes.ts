import { answerChallenge, InvalidResponseError, unwrapWebhook, WebhookSignatureError } from '@paddock/sdk';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppEnv } from '../../http/context.js';
import { readRawBody } from '../../http/raw-body.js';
import type { LiveHub } from '../live/live-hub.js';
import { toSignalValue } from '../signals/signal-values.js';
import { createGroupCommit } from './group-commit.js';

/** Largest webhook body read, in bytes (1 MiB): a delivery with every signal is a few tens of KB. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface WebhooksRoutesDeps {
  readonly db: Kysely<Database>;
  readonly clock: { now(): number };
  readonly hub: LiveHub;
  /** Key of `SC-Signature` and of the VERIFY answer; without one the endpoint answers 404. */
  readonly managementToken: string | undefined;
}

/**
 * POST /webhooks/smartcar. Answers VERIFY with the challenge's HMAC; for any
 * other event, checks `SC-Signature` on the raw bytes in constant time (401,
 * nothing stored, when it does not match), stores the event once by
 * `eventId` and applies its signal values in one transaction (shared with
 * the deliveries that arrive alongside: group commit), and answers 200 only
 * after that commit. A duplicate is answered 200 and changes
 * nothing. Open pages of the vehicle are told after the commit.
 */
export function webhooksRoutes({ db, clock, hub, managementToken }: WebhooksRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const events = createGroupCommit(db);

  app.post('/webhooks/smartcar', async (c) => {
    if (managementToken === undefined) return c.json({ error: 'webhooks are not configured' }, 404);
    const raw = await readRawBody(c, MAX_WEBHOOK_BYTES);
    if (raw === undefined) return c.json({ error: 'body too large' }, 413);
    const log = c.get('logger');
    let event: ReturnType<typeof unwrapWebhook>;
    try {
      event = unwrapWebhook(raw, c.req.header('sc-signature'), managementToken);
    } catch (error) {
      if (error instanceof WebhookSignatureError) {
        log.warn({}, 'webhook refused: bad signature');
        return c.json({ error: 'invalid signature' }, 401);
      }
      if (error instanceof InvalidResponseError) {
        log.warn({ reason: error.message }, 'webhook refused: not a Smartcar event');
        return c.json({ error: 'not a Smartcar event' }, 400);
      }
      throw error;
    }

    if (event.type === 'VERIFY') {
      try {
        log.info({ webhookId: event.meta.webhookId }, 'webhook verification answered');
        return c.json(answerChallenge(event.challenge, managementToken));
      } catch (error) {
        if (!(error instanceof WebhookSignatureError)) throw error;
        return c.json({ error: 'challenge refused' }, 400);
      }
    }

    const receivedAt = clock.now();
    const vehicleId = event.vehicle.id;
    const values =
      event.type === 'VEHICLE_STATE' ? event.signals.map((s) => toSignalValue(vehicleId, s, receivedAt)) : [];
    // Resolves after the commit that holds this event (shared with deliveries arriving alongside).
    const stored = await events.store(
      { eventId: event.eventId, type: event.type, rawBody: new TextDecoder().decode(raw), receivedAt },
      values,
    );
    // Committed: from here on a failure costs at most a redelivery, which is a no-op.
    log.info(
      {
        eventId: event.eventId,
        type: event.type,
        duplicate: stored.duplicate,
        updated: stored.updatedCodes.length,
      },
      'webhook stored',
    );
    if (!stored.duplicate && stored.updatedCodes.length > 0)
      hub.publish({ vehicleId, kind: 'signals', codes: stored.updatedCodes });
    return c.json({ received: true, duplicate: stored.duplicate });
  });

  return app;
}
