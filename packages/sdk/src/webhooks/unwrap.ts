import { InvalidResponseError, WebhookSignatureError } from '../errors.js';
import { parseWebhookEvent, type WebhookEvent } from './events.js';
import { type RawBody, verifyWebhook } from './signature.js';

/**
 * Verifies and parses a webhook in one step, the way a receiver should:
 * a signed event is parsed once its signature matches the raw body. A
 * `VERIFY` event is accepted unsigned, because Smartcar does not sign it and
 * the answer (see `answerChallenge`) is itself the proof; anything else
 * without a matching signature is refused.
 *
 * @throws WebhookSignatureError when the signature is missing or wrong
 * @throws InvalidResponseError when a signed body is not a Smartcar event
 */
export function unwrapWebhook(
  rawBody: RawBody,
  signatureHeader: string | null | undefined,
  managementToken: string,
): WebhookEvent {
  if (verifyWebhook(rawBody, signatureHeader, managementToken)) return parseWebhookEvent(rawBody);
  let event: WebhookEvent | undefined;
  try {
    event = parseWebhookEvent(rawBody);
  } catch (error) {
    if (!(error instanceof InvalidResponseError)) throw error;
  }
  if (event?.type === 'VERIFY') return event;
  throw new WebhookSignatureError(
    typeof signatureHeader === 'string' && signatureHeader.trim() !== ''
      ? 'SC-Signature does not match the raw body'
      : 'SC-Signature header is missing',
  );
}
