import {
  answerChallenge,
  InvalidResponseError,
  unwrapWebhook,
  WebhookSignatureError,
  type WebhookVehicleError,
} from '@paddock/sdk';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppEnv } from '../../http/context.js';
import { readRawBody } from '../../http/raw-body.js';
import type { AppLogger } from '../../logger.js';
import type { LiveHub } from '../live/live-hub.js';
import { toSignalValue } from '../signals/signal-values.js';
import type { ReportedVehicleError } from '../vehicle-errors/vehicle-errors.repository.js';
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

/** What a delivery gets back: a status and a JSON body. */
export interface WebhookAnswer {
  readonly status: 200 | 400 | 401 | 413 | 500;
  readonly body: Readonly<Record<string, unknown>>;
}

/** The path Smartcar delivers to. */
export const WEBHOOK_PATH = '/webhooks/smartcar';

/**
 * Receives deliveries once the body has been read (`raw`, or undefined
 * when it was over {@link MAX_WEBHOOK_BYTES}). Answers VERIFY with the
 * challenge's HMAC; for any other event, checks `SC-Signature` on the raw
 * bytes in constant time (401, nothing stored, when it does not match),
 * stores the event once by `eventId` and applies its signal values in one
 * transaction (shared with the deliveries that arrive alongside: group
 * commit), and answers 200 only after that commit. A duplicate is answered
 * 200 and changes nothing. A `VEHICLE_ERROR` opens or closes the vehicle's
 * problems shown on its page. Open pages of the vehicle are told after the
 * commit. Used by the Hono route and by the direct path on Node's listener
 * (`http/direct-webhooks.ts`), so both answer alike.
 */
export function createWebhookReceiver({ db, clock, hub, managementToken }: WebhooksRoutesDeps) {
  const events = createGroupCommit(db);
  return {
    /** Whether deliveries are taken at all (a management token is configured); otherwise 404. */
    configured: managementToken !== undefined,
    async receive(
      raw: Uint8Array | undefined,
      signature: string | undefined,
      log: AppLogger,
    ): Promise<WebhookAnswer> {
      if (managementToken === undefined) throw new Error('webhooks are not configured');
      if (raw === undefined) return { status: 413, body: { error: 'body too large' } };
      let event: ReturnType<typeof unwrapWebhook>;
      try {
        event = unwrapWebhook(raw, signature, managementToken);
      } catch (error) {
        if (error instanceof WebhookSignatureError) {
          log.warn({}, 'webhook refused: bad signature');
          return { status: 401, body: { error: 'invalid signature' } };
        }
        if (error instanceof InvalidResponseError) {
          log.warn({ reason: error.message }, 'webhook refused: not a Smartcar event');
          return { status: 400, body: { error: 'not a Smartcar event' } };
        }
        throw error;
      }

      if (event.type === 'VERIFY') {
        try {
          log.info({ webhookId: event.meta.webhookId }, 'webhook verification answered');
          return { status: 200, body: answerChallenge(event.challenge, managementToken) };
        } catch (error) {
          if (!(error instanceof WebhookSignatureError)) throw error;
          return { status: 400, body: { error: 'challenge refused' } };
        }
      }

      const receivedAt = clock.now();
      const vehicleId = event.vehicle.id;
      const values =
        event.type === 'VEHICLE_STATE'
          ? event.signals.map((s) => toSignalValue(vehicleId, s, receivedAt))
          : [];
      // A problem belongs to a user's connection: one the event names no user for is stored as an event only.
      const errors =
        event.type === 'VEHICLE_ERROR' && event.user.id !== undefined
          ? {
              vehicleId,
              smartcarUserId: event.user.id,
              eventId: event.eventId,
              receivedAt,
              errors: event.errors.map(toReportedError),
            }
          : undefined;
      // Resolves after the commit that holds this event (shared with deliveries arriving alongside).
      const stored = await events.store(
        { eventId: event.eventId, type: event.type, rawBody: new TextDecoder().decode(raw), receivedAt },
        values,
        errors,
      );
      // Committed: from here on a failure costs at most a redelivery, which is a no-op.
      log.info(
        {
          eventId: event.eventId,
          type: event.type,
          duplicate: stored.duplicate,
          updated: stored.updatedCodes.length,
          problemsChanged: stored.problemsChanged,
        },
        'webhook stored',
      );
      if (!stored.duplicate && stored.updatedCodes.length > 0)
        hub.publish({ vehicleId, kind: 'signals', codes: stored.updatedCodes });
      if (stored.problemsChanged) hub.publish({ vehicleId, kind: 'problems' });
      return { status: 200, body: { received: true, duplicate: stored.duplicate } };
    },
  };
}

export type WebhookReceiver = ReturnType<typeof createWebhookReceiver>;

/** The part of a webhook's vehicle error the app keeps (its doc link and re-auth URL are not shown). */
function toReportedError(error: WebhookVehicleError): ReportedVehicleError {
  return {
    type: error.type,
    code: error.code,
    description: error.description ?? null,
    suggestedUserMessage: error.suggestedUserMessage ?? null,
    resolutionType: error.resolution?.type ?? null,
    state: error.state,
    signalCodes: error.signals.map((s) => s.code),
  };
}

/**
 * The answer to a delivery that failed for a reason of ours (the database
 * down, say): a 500 Smartcar retries, with the request id to find it in the
 * log, which has the error.
 */
export function failedDelivery(error: unknown, requestId: string, log: AppLogger): WebhookAnswer {
  log.error({ err: error }, 'webhook not stored');
  return { status: 500, body: { error: 'not stored, try again', requestId } };
}

/** POST /webhooks/smartcar through Hono (see {@link createWebhookReceiver}). */
export function webhooksRoutes(receiver: WebhookReceiver): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(WEBHOOK_PATH, async (c) => {
    if (!receiver.configured) return c.json({ error: 'webhooks are not configured' }, 404);
    const log = c.get('logger');
    let answer: WebhookAnswer;
    try {
      answer = await receiver.receive(
        await readRawBody(c, MAX_WEBHOOK_BYTES),
        c.req.header('sc-signature'),
        log,
      );
    } catch (error) {
      answer = failedDelivery(error, c.get('requestId'), log);
    }
    return c.json(answer.body, answer.status);
  });
  return app;
}
