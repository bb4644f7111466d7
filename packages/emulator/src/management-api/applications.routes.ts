import {
  APPLICATIONS_DEFAULT_PAGE_SIZE,
  type ApplicationListResponse,
  type ApplicationResponse,
} from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';
import { pageLinks, parsePage } from '../vehicle-api/pagination.js';
import { managementAuth } from './management-auth.js';
import { serializeApplication } from './serializers.js';

/**
 * `GET /v3/applications` and `GET /v3/applications/{id}` (reference §4.3).
 * A token belongs to one application, so the list holds that one; another
 * application's id is 404 like an unknown one.
 */
export function applicationRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const auth = managementAuth(deps);

  app.get('/v3/applications', auth, (c) => {
    const url = new URL(c.req.url);
    const page = parsePage(url.searchParams, APPLICATIONS_DEFAULT_PAGE_SIZE);
    const own = [c.get('application')];
    const items = own.slice((page.pageNumber - 1) * page.pageSize, page.pageNumber * page.pageSize);
    const body: ApplicationListResponse = {
      data: items.map((a) => serializeApplication(url.origin, a)),
      meta: { ...page, totalCount: own.length },
      links: pageLinks(c.req.url, page, own.length),
    };
    return c.json(body);
  });

  app.get('/v3/applications/:applicationId', auth, (c) => {
    const id = c.req.param('applicationId');
    const own = c.get('application');
    if (id !== own.id) {
      throw new ApiError('RESOURCE_NOT_FOUND', 'APPLICATION_NOT_FOUND', {
        detail: `Application with ID ${id} not found`,
      });
    }
    const body: ApplicationResponse = { data: serializeApplication(originOf(c.req.url), own) };
    return c.json(body);
  });

  return app;
}
