import { randomBytes } from 'node:crypto';
import { isSignalCode } from '@paddock/contract';
import { z } from 'zod';
import type { WebhookRecord } from '../store/webhook-records.js';
import type { Dispatcher } from './dispatcher.js';
import { verifyPayload } from './payloads.js';
import type { WebhookDeps } from './webhook-deps.js';

const callbackUri = z
  .string()
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an absolute http(s) URL');
const signalCodes = z.array(
  z.string().refine(isSignalCode, { error: (issue) => `unknown signal code "${String(issue.input)}"` }),
);

/**
 * A webhook to create, as Smartcar's Dashboard would: the application by id
 * or client id, trigger and data signals by code.
 */
export const webhookInputSchema = z
  .object({
    applicationId: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    name: z.string().trim().min(1).max(200),
    callbackUri,
    errorCallbackUri: callbackUri.optional(),
    triggers: signalCodes.min(1, 'at least one trigger signal is needed'),
    data: signalCodes.default([]),
    autoSubscribe: z.boolean().default(false),
  })
  .strict()
  .refine((w) => (w.applicationId === undefined) !== (w.clientId === undefined), {
    message: 'give exactly one of applicationId and clientId',
  });
export type WebhookInput = z.input<typeof webhookInputSchema>;

/** Stores a disabled webhook and sends it VERIFY; it is enabled only by a correct answer. */
export function createWebhook(
  deps: WebhookDeps,
  dispatcher: Dispatcher,
  applicationId: string,
  input: z.output<typeof webhookInputSchema>,
): WebhookRecord {
  const now = deps.clock.now();
  const webhook: WebhookRecord = {
    id: deps.ids.uuid(),
    applicationId,
    name: input.name,
    callbackUri: input.callbackUri,
    ...(input.errorCallbackUri === undefined ? {} : { errorCallbackUri: input.errorCallbackUri }),
    triggers: [...new Set(input.triggers)],
    data: [...new Set(input.data)],
    autoSubscribe: input.autoSubscribe,
    isEnabled: false,
    verification: { state: 'PENDING' },
    autoSubscribedConnections: [],
    sequence: 0,
    createdAt: now,
    updatedAt: now,
  };
  deps.store.webhooks.insert(webhook);
  sendVerify(deps, dispatcher, webhook);
  return webhook;
}

/** Sends VERIFY with a fresh random challenge (unsigned, one attempt). */
export function sendVerify(deps: WebhookDeps, dispatcher: Dispatcher, webhook: WebhookRecord): string {
  const eventId = deps.ids.uuid();
  const challenge = randomBytes(32).toString('hex');
  deps.store.webhooks.update({
    ...webhook,
    verification: { state: 'PENDING', eventId },
    updatedAt: deps.clock.now(),
  });
  dispatcher.enqueue({
    eventId,
    applicationId: webhook.applicationId,
    webhookId: webhook.id,
    eventType: 'VERIFY',
    url: webhook.callbackUri,
    signed: false,
    payload: verifyPayload(eventId, webhook, challenge),
    state: 'pending',
    attempts: [],
    nextAttemptAt: deps.clock.now(),
    maxAttempts: 1,
    createdAt: deps.clock.now(),
  });
  return eventId;
}

/** Applies a VERIFY outcome: enabled on success, disabled with the reason on failure. */
export function applyVerifyOutcome(
  deps: WebhookDeps,
  webhookId: string,
  eventId: string,
  ok: boolean,
  detail: string,
): boolean {
  const webhook = deps.store.webhooks.findById(webhookId);
  // Only the latest VERIFY counts: an earlier one answered late changes nothing.
  if (!webhook || webhook.verification.eventId !== eventId) return false;
  deps.store.webhooks.update({
    ...webhook,
    isEnabled: ok,
    verification: { ...webhook.verification, state: ok ? 'VERIFIED' : 'FAILED', detail },
    updatedAt: deps.clock.now(),
  });
  return ok;
}
