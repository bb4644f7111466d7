import type { Json, JsonObject } from './json-schemas.js';

/** Security scheme of the Vehicle and Management APIs: the application token from IAM. */
export const BEARER_SCHEME = 'bearerAuth';
/** Client authentication at the token endpoint by HTTP Basic (reference §2 ⚠: seen, not documented). */
export const CLIENT_BASIC_SCHEME = 'clientBasic';

/** `components.securitySchemes`. */
export function buildSecuritySchemes(): Record<string, JsonObject> {
  return {
    [BEARER_SCHEME]: {
      type: 'http',
      scheme: 'bearer',
      description: 'Application access token from `POST /oauth2/token`, valid one hour (reference §2).',
    },
    [CLIENT_BASIC_SCHEME]: {
      type: 'http',
      scheme: 'basic',
      description:
        'Client id and secret as user and password (reference §2 ⚠: the docs put them in the body).',
    },
  };
}

/** Document-wide requirement: every operation needs the bearer token unless it says otherwise. */
export const DEFAULT_SECURITY: Json[] = [{ [BEARER_SCHEME]: [] }];

/**
 * The token endpoint: Basic, or nothing at all when the credentials travel
 * in the body (the documented way, which OpenAPI cannot name as a scheme).
 */
export const TOKEN_SECURITY: Json[] = [{ [CLIENT_BASIC_SCHEME]: [] }, {}];
