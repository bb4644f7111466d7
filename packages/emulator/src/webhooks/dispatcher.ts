import {
  WEBHOOK_ATTEMPT_TIMEOUT_MS,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  WEBHOOK_SIGNATURE_HEADER,
} from '@paddock/contract';
import type { DeliveryAttemptRecord, WebhookEventRecord } from '../store/webhook-records.js';
import { hashChallenge, sameHex, signBody } from './signature.js';
import { WEBHOOK_USER_AGENT, type WebhookDeps } from './webhook-deps.js';

/** Attempts of a vehicle event: the first plus one per retry delay. */
export const VEHICLE_EVENT_MAX_ATTEMPTS = 1 + WEBHOOK_RETRY_DELAYS_SECONDS.length;
/** Characters of a receiver's answer kept with each attempt. */
export const RESPONSE_EXCERPT_CHARS = 500;

/** Sends outbox events, records every attempt and schedules retries on the emulator clock. */
export interface Dispatcher {
  /** Stores a new event and starts its first attempt. */
  enqueue(event: WebhookEventRecord): void;
  /** Starts every attempt that is due on the emulator clock. */
  runDue(): void;
  /** Resolves once no attempt is in flight (including attempts started meanwhile). */
  settle(): Promise<void>;
}

/** Told when a VERIFY event finishes, so the webhook can be enabled or not. */
export type VerifyOutcome = (webhookId: string, eventId: string, ok: boolean, detail: string) => void;

export function createDispatcher(deps: WebhookDeps, onVerify: VerifyOutcome): Dispatcher {
  const { store, clock, ids, logger } = deps;
  const inFlight = new Map<string, Promise<void>>();

  const start = (event: WebhookEventRecord) => {
    if (inFlight.has(event.eventId)) return;
    const run = attempt(event)
      .catch((err: unknown) => logger.error({ err, eventId: event.eventId }, 'webhook attempt crashed'))
      .finally(() => inFlight.delete(event.eventId));
    inFlight.set(event.eventId, run);
  };

  async function attempt(event: WebhookEventRecord): Promise<void> {
    const application = store.applications.findById(event.applicationId);
    const number = event.attempts.length + 1;
    const startedAt = clock.now();
    const deliveryId = ids.uuid();
    const meta = event.payload.meta as Record<string, unknown>;
    // VERIFY's sample carries an ISO instant, the vehicle events epoch ms (reference §4.4).
    meta.deliveryId = deliveryId;
    meta.deliveredAt = event.eventType === 'VERIFY' ? new Date(startedAt).toISOString() : startedAt;
    const body = JSON.stringify(event.payload);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
    };
    if (event.signed && application)
      headers[WEBHOOK_SIGNATURE_HEADER] = signBody(application.managementToken, body);

    const t0 = performance.now();
    let status: number | null = null;
    let text: string | null = null;
    let error: string | null = null;
    if (!application) {
      error = 'The application no longer exists.';
    } else {
      try {
        const res = await deps.fetch(event.url, {
          method: 'POST',
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(WEBHOOK_ATTEMPT_TIMEOUT_MS),
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        const e = err as Error;
        error =
          e.name === 'TimeoutError'
            ? `No complete answer within ${WEBHOOK_ATTEMPT_TIMEOUT_MS / 1000} s.`
            : `The request failed: ${e.message}${causeOf(e)}`;
      }
      if (error === null) error = judge(event, status!, text ?? '', application.managementToken);
    }

    const record: DeliveryAttemptRecord = {
      deliveryId,
      attempt: number,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      status,
      responseExcerpt: text === null ? null : text.slice(0, RESPONSE_EXCERPT_CHARS),
      error,
      ok: error === null,
    };
    // A reset or an import during the attempt replaced the outbox: this result belongs to nothing.
    if (store.outbox.findById(event.eventId) !== event) return;
    event.attempts = [...event.attempts, record];
    if (record.ok) {
      event.state = 'delivered';
      event.nextAttemptAt = null;
    } else if (number < event.maxAttempts) {
      event.nextAttemptAt = startedAt + WEBHOOK_RETRY_DELAYS_SECONDS[number - 1]! * 1000;
    } else {
      event.state = 'dropped';
      event.nextAttemptAt = null;
    }
    store.outbox.update(event);
    logger.info(
      { eventId: event.eventId, eventType: event.eventType, attempt: number, status, state: event.state },
      'webhook attempt',
    );
    if (event.eventType === 'VERIFY')
      onVerify(event.webhookId, event.eventId, record.ok, error ?? 'verified');
    deps.onChange();
  }

  return {
    enqueue(event) {
      store.outbox.insert(event);
      deps.onChange();
      start(event);
    },
    runDue() {
      for (const event of store.outbox.due(clock.now())) start(event);
    },
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}

/** Node's fetch hides the useful part (ECONNREFUSED, a DNS failure) in `cause`. */
function causeOf(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (!cause) return '';
  return ` (${String(cause.code ?? cause.message)})`;
}

/** Why an answer does not count as delivered, or null when it does. */
function judge(
  event: WebhookEventRecord,
  status: number,
  text: string,
  managementToken: string,
): string | null {
  if (event.eventType !== 'VERIFY') {
    return status >= 200 && status < 300 ? null : `The receiver answered ${status}; 2xx is expected.`;
  }
  if (status !== 200) return `The receiver answered ${status} to VERIFY; 200 is expected.`;
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return 'The answer to VERIFY is not JSON; send {"challenge": "<hex HMAC-SHA256>"}.';
  }
  const given = (answer as { challenge?: unknown } | null)?.challenge;
  const challenge = (event.payload.data as { challenge: string }).challenge;
  if (typeof given !== 'string' || !sameHex(hashChallenge(managementToken, challenge), given)) {
    return 'The answer to VERIFY does not carry the HMAC-SHA256 of the challenge keyed with the management token.';
  }
  return null;
}
