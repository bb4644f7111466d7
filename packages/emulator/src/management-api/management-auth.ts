import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { bearerAuth } from '../vehicle-api/bearer-auth.js';

const unauthorized = (detail: string) =>
  new ApiError('AUTHENTICATION', 'UNAUTHORIZED', {
    detail,
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", Basic realm="management"' },
  });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Management API authentication: the application's Bearer access token (the
 * v3 spec), or `Basic base64("default:" + management token)` as the v2-era
 * prose still describes it (reference §4, ⚠).
 */
export function managementAuth(deps: Pick<EmulatorDeps, 'store'>): MiddlewareHandler<EmulatorEnv> {
  const bearer = bearerAuth(deps);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!basic) return bearer(c, next);
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, colon);
    const token = decoded.slice(colon + 1);
    if (colon < 0 || user !== 'default' || token === '') {
      throw unauthorized('Basic credentials must be "default:<application management token>".');
    }
    // Every application is compared, so the time taken does not reveal which one matched.
    let match: ReturnType<typeof deps.store.applications.findById>;
    for (const app of deps.store.applications.dump()) {
      if (sameSecret(app.managementToken, token)) match = app;
    }
    if (!match) throw unauthorized('The management token is not that of any application.');
    c.set('application', match);
    await next();
  };
}
