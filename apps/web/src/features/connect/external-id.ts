import { createHmac } from 'node:crypto';

/**
 * The `external_id` Paddock sends to Connect for an account:
 * HMAC-SHA256(key, account id) in base64url (43 characters).
 *
 * Smartcar stores it on the connections the person makes and lists it as
 * `user.externalId`, so at /exchange the app can check that the `user_id` in
 * the redirect was connected from this account, not copied from someone
 * else's. Keyed, so an account id (or a guess at one) does not give the value
 * another account's connections carry.
 */
export function externalIdFor(key: Buffer, accountId: string): string {
  return createHmac('sha256', key).update(`paddock-account:${accountId}`).digest('base64url');
}
