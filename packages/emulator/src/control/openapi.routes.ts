import { Hono } from 'hono';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';

// Stands for the request's origin in the document built once; JSON-safe as it is.
const ORIGIN_MARK = 'paddock-emulator-origin-e1f4c9';

/**
 * `GET /_emulator/openapi.json`: the contract's OpenAPI 3.1 document of the
 * Smartcar API v3 with every surface on this emulator's origin, for tools
 * that take a spec (API clients, code generators, mock checkers). The
 * generator is loaded on the first request, not when the emulator starts,
 * and the document is built once; each answer only puts the request's
 * origin (JSON-escaped) where the mark stands.
 */
export function openApiRoutes(): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  let parts: Promise<string[]> | undefined;
  app.get('/_emulator/openapi.json', async (c) => {
    parts ??= import('@paddock/contract/openapi').then(({ buildOpenApiDocument }) =>
      JSON.stringify(buildOpenApiDocument({ origin: ORIGIN_MARK })).split(ORIGIN_MARK),
    );
    const building = parts;
    // A failed build is tried again by the next request rather than remembered.
    building.catch(() => {
      if (parts === building) parts = undefined;
    });
    const origin = JSON.stringify(originOf(c.req.url)).slice(1, -1);
    return c.body((await building).join(origin), 200, { 'content-type': 'application/json' });
  });
  return app;
}
