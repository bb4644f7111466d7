import {
  APPLICATION_SECRETS_DEFAULT_PAGE_SIZE,
  APPLICATIONS_DEFAULT_PAGE_SIZE,
  type ApplicationListResponse,
  type ApplicationResponse,
  type ApplicationSecretListResponse,
} from '@paddock/contract';
import { type Context, Hono } from 'hono';
import { clientSecretOf } from '../control/applications.js';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { type PageRequest, pageLinks, parsePage } from '../vehicle-api/pagination.js';
import { managementAuth } from './management-auth.js';
import { serializeApplication, serializeApplicationSecret } from './serializers.js';

/** The token's own application when `id` names it; another application's id is 404 like an unknown one. */
function ownApplication(c: Context<EmulatorEnv>) {
  const id = c.req.param('applicationId') ?? '';
  const own = c.get('application');
  if (id !== own.id) {
    throw new ApiError('RESOURCE_NOT_FOUND', 'APPLICATION_NOT_FOUND', {
      detail: `Application with ID ${id} not found`,
    });
  }
  return own;
}

/** The items of one page of a list held whole in memory. */
const pageOf = <T>(all: T[], page: PageRequest): T[] =>
  all.slice((page.pageNumber - 1) * page.pageSize, page.pageNumber * page.pageSize);

/**
 * `GET /v3/applications`, `GET /v3/applications/{id}` and
 * `GET /v3/applications/{id}/secrets` (reference §4.3). A token belongs to
 * one application, so the list holds that one.
 */
export function applicationRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const auth = managementAuth(deps);

  app.get('/v3/applications', auth, (c) => {
    const url = new URL(c.req.url);
    const page = parsePage(url.searchParams, APPLICATIONS_DEFAULT_PAGE_SIZE);
    const own = [c.get('application')];
    const body: ApplicationListResponse = {
      data: pageOf(own, page).map((a) => serializeApplication(url.origin, a)),
      meta: { ...page, totalCount: own.length },
      links: pageLinks(c.req.url, page, own.length),
    };
    return c.json(body);
  });

  app.get('/v3/applications/:applicationId', auth, (c) => {
    const body: ApplicationResponse = { data: serializeApplication(originOf(c.req.url), ownApplication(c)) };
    return c.json(body);
  });

  // The emulator issues one client secret per application; the list pages like the others all the same.
  app.get('/v3/applications/:applicationId/secrets', auth, (c) => {
    const own = ownApplication(c);
    const url = new URL(c.req.url);
    const page = parsePage(url.searchParams, APPLICATION_SECRETS_DEFAULT_PAGE_SIZE);
    const secrets = [clientSecretOf(own)];
    const body: ApplicationSecretListResponse = {
      data: pageOf(secrets, page).map((s) => serializeApplicationSecret(url.origin, own.id, s)),
      meta: { ...page, totalCount: secrets.length },
      links: pageLinks(c.req.url, page, secrets.length),
    };
    return c.json(body);
  });

  return app;
}
