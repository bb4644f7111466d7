import type { OAuthErrorCode } from '@paddock/contract';

/** An RFC 6749 §5.2 error of the token endpoint. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status: 400 | 401 = 400,
    /** Set when the client used HTTP Basic: the 401 must then carry `WWW-Authenticate`. */
    readonly basicChallenge = false,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}
