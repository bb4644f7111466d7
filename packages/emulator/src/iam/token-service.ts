import { ACCESS_TOKEN_LIFETIME_SECONDS, type TokenResponse } from '@paddock/contract';
import type { EmulatorDeps } from '../deps.js';
import { OAuthError } from './oauth-error.js';
import { hashToken, verifyDecoy, verifySecret } from './secrets.js';
import type { ParsedTokenRequest } from './token-request.js';

/**
 * The client-credentials grant: checks the grant type, authenticates the
 * client in constant time and issues an opaque token that expires on the
 * emulator clock after 3600 s.
 */
export function issueToken(
  request: ParsedTokenRequest,
  deps: Pick<EmulatorDeps, 'store' | 'clock' | 'ids'>,
): TokenResponse {
  if (!request.grantType) throw new OAuthError('invalid_request', 'Parameter grant_type is required.');
  if (request.grantType !== 'client_credentials') {
    throw new OAuthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
  }
  const { clientId, clientSecret } = request;
  if (!clientId || !clientSecret) {
    // RFC 6749 §5.2: "no client authentication included" is invalid_client.
    throw new OAuthError(
      'invalid_client',
      'Client authentication is required: client_id and client_secret.',
      401,
      request.usedBasic,
    );
  }
  const app = deps.store.applications.findByClientId(clientId);
  const valid = app ? verifySecret(clientSecret, app.secretSalt, app.secretHash) : verifyDecoy(clientSecret);
  if (!app || !valid) {
    throw new OAuthError('invalid_client', 'Client authentication failed.', 401, request.usedBasic);
  }
  const accessToken = deps.ids.secret();
  deps.store.tokens.insert({
    tokenHash: hashToken(accessToken),
    applicationId: app.id,
    expiresAt: deps.clock.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
  });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_SECONDS };
}
