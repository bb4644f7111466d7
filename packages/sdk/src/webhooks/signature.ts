import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from '../errors.js';

/** A raw webhook body exactly as received: the bytes, or their UTF-8 text. */
export type RawBody = string | Uint8Array;

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Checks a webhook's `SC-Signature` header: the lowercase hex HMAC-SHA256 of
 * the **raw** body, keyed with the application management token (reference
 * §4.4). The comparison takes constant time. Pass the body before any JSON
 * parsing: `JSON.stringify(JSON.parse(body))` changes spacing, key order and
 * escapes, so a re-serialised body no longer matches what Smartcar signed.
 *
 * @param rawBody the request body as received (bytes, or their UTF-8 text)
 * @param signatureHeader the `SC-Signature` header; missing or malformed gives `false`
 * @param managementToken the application management token (never sent anywhere)
 * @returns whether the signature matches
 * @throws TypeError when `rawBody` is not a string or bytes (e.g. parsed JSON) or the token is empty
 */
export function verifyWebhook(
  rawBody: RawBody,
  signatureHeader: string | null | undefined,
  managementToken: string,
): boolean {
  const expected = hmac(rawBody, managementToken);
  if (typeof signatureHeader !== 'string') return false;
  const given = signatureHeader.trim();
  if (!HEX_SHA256.test(given)) return false;
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/**
 * {@link verifyWebhook}, throwing instead of returning `false`.
 * @throws WebhookSignatureError when the signature is missing, malformed or wrong
 */
export function assertWebhook(
  rawBody: RawBody,
  signatureHeader: string | null | undefined,
  managementToken: string,
): void {
  if (!verifyWebhook(rawBody, signatureHeader, managementToken)) {
    throw new WebhookSignatureError(
      typeof signatureHeader === 'string' && signatureHeader.trim() !== ''
        ? 'SC-Signature does not match the raw body'
        : 'SC-Signature header is missing',
    );
  }
}

/** What {@link signWebhookForTest} returns: the exact body and the headers Smartcar would send with it. */
export interface SignedWebhook {
  body: string;
  headers: { 'content-type': 'application/json'; 'sc-signature': string };
}

/**
 * Signs a body as Smartcar does, for tests of a webhook receiver. An object
 * is serialised with `JSON.stringify` first; a string is signed byte for byte.
 */
export function signWebhookForTest(body: string | object, managementToken: string): SignedWebhook {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    body: text,
    headers: {
      'content-type': 'application/json',
      'sc-signature': hmac(text, managementToken).toString('hex'),
    },
  };
}

/** HMAC-SHA256 of a message keyed with the management token. */
export function hmac(message: RawBody, managementToken: string): Buffer {
  if (typeof managementToken !== 'string' || managementToken === '') {
    throw new TypeError('managementToken must be the application management token, a non-empty string');
  }
  if (typeof message !== 'string' && !(message instanceof Uint8Array)) {
    throw new TypeError(
      'The webhook body must be the raw body (string or bytes) as received, not parsed JSON: re-serialised JSON does not match the signature',
    );
  }
  return createHmac('sha256', managementToken).update(message).digest();
}
