import { WebhookSignatureError } from '../errors.js';
import { hmac } from './signature.js';

/**
 * Smartcar's challenges are short random tokens. Anything else is refused:
 * since the answer is the same HMAC that signs webhooks, answering an
 * arbitrary challenge, such as a JSON event, would sign it for whoever sent it.
 * A body can never match this pattern (no braces, no whitespace).
 */
const PLAIN_TOKEN = /^[A-Za-z0-9._~+/=-]{1,512}$/;

/**
 * The answer to a `VERIFY` event (reference §4.4): respond `200` with this
 * JSON. `challenge` is the hex HMAC-SHA256 of the challenge keyed with the
 * application management token, as the official SDK's `hashChallenge` computes.
 *
 * @throws WebhookSignatureError when the challenge is not a plain token (see above)
 * @throws TypeError when the management token is empty
 */
export function answerChallenge(challenge: string, managementToken: string): { challenge: string } {
  if (typeof challenge !== 'string' || !PLAIN_TOKEN.test(challenge)) {
    throw new WebhookSignatureError('Refusing to answer a VERIFY challenge that is not a plain token');
  }
  return { challenge: hmac(challenge, managementToken).toString('hex') };
}
