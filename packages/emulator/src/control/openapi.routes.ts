import { buildOpenApiDocument } from '@paddock/contract';
import { Hono } from 'hono';
import type { EmulatorEnv } from '../http/env.js';
import { originOf } from '../http/origin.js';

/** Distinct origins whose document is kept; past this, each is built again. */
const MAX_REMEMBERED_ORIGINS = 16;

/**
 * `GET /_emulator/openapi.json`: the contract's OpenAPI 3.1 document of the
 * Smartcar API v3 with every surface on this emulator's origin, for tools
 * that take a spec (API clients, code generators, mock checkers). Built on
 * first request per origin (zod to JSON Schema takes a moment) and kept.
 */
export function openApiRoutes(): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const documents = new Map<string, string>();
  app.get('/_emulator/openapi.json', (c) => {
    const origin = originOf(c.req.url);
    let text = documents.get(origin);
    if (text === undefined) {
      text = JSON.stringify(buildOpenApiDocument({ origin }));
      if (documents.size < MAX_REMEMBERED_ORIGINS) documents.set(origin, text);
    }
    return c.body(text, 200, { 'content-type': 'application/json' });
  });
  return app;
}
