import { IAM_TOKEN_PATH, type OAuthErrorBody } from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import type { EmulatorEnv } from '../http/env.js';
import { OAuthError } from './oauth-error.js';
import { parseTokenRequest } from './token-request.js';
import { issueToken } from './token-service.js';

/** The IAM surface: `POST /oauth2/token` (reference §2). Errors are OAuth JSON, not the v3 envelope. */
export function iamRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post(IAM_TOKEN_PATH, async (c) => {
    // RFC 6749 §5.1: token responses must not be cached.
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    try {
      const request = parseTokenRequest(
        c.req.header('content-type'),
        await c.req.text(),
        c.req.header('authorization'),
      );
      return c.json(issueToken(request, deps));
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      if (err.basicChallenge) c.header('WWW-Authenticate', 'Basic realm="smartcar-iam", charset="UTF-8"');
      const body: OAuthErrorBody = { error: err.error, error_description: err.description };
      return c.json(body, err.status);
    }
  });

  return app;
}
