import { SMARTCAR_ORIGINS } from '../hosts.js';
import { buildSchemaComponents, type JsonObject } from './json-schemas.js';
import { sortedByKey } from './naming.js';
import { TAGS } from './operation-types.js';
import { OPERATIONS } from './operations.js';
import { buildParameterComponents } from './parameters.js';
import { buildPaths, DEFAULT_SURFACE, SURFACE_NAMES } from './paths.js';
import { buildHeaderComponents, buildResponseComponents } from './responses.js';
import { buildSecuritySchemes, DEFAULT_SECURITY } from './security.js';
import { buildWebhooks } from './webhook-events.js';

/**
 * Version of the contract package, the document's `info.version`. A constant
 * rather than a read of package.json, because the contract also runs where
 * there is no file system (the SDK in a browser); a test keeps the two equal.
 */
export const CONTRACT_VERSION = '0.1.0';

const DESCRIPTION =
  'Generated from the zod schemas of `@paddock/contract`, which model Smartcar’s v3 wire from its docs, ' +
  'SDKs and live observations. Where Smartcar’s own documentation is silent or contradicts itself ' +
  '(marked ⚠), the shape described is the contract’s choice, and the Paddock emulator serves it. ' +
  'Bodies are described as they go over the wire (zod input view): objects stay open to fields ' +
  'Smartcar may add. Signal bodies are typed per code in the contract’s catalogue, which this ' +
  'document does not tie to `attributes.body`.';

/**
 * Builds the OpenAPI 3.1 document of the Smartcar API v3 as the contract
 * models it: every operation of the table in `operations.ts`, the webhook
 * events, and components generated from the contract's zod schemas with
 * `z.toJSONSchema`.
 *
 * The result is a plain JSON object, the same on every call and machine
 * (component maps and paths are sorted by key), so it can be checked in.
 *
 * @param options.origin One origin serving every surface (the Paddock
 *   emulator's), instead of Smartcar's hosts. Default: Smartcar's.
 * @returns The document, ready for `JSON.stringify`.
 */
export function buildOpenApiDocument(options: { origin?: string } = {}): JsonObject {
  const components = {
    schemas: sortedByKey(buildSchemaComponents()),
    responses: sortedByKey(buildResponseComponents()),
    parameters: sortedByKey(buildParameterComponents()),
    headers: sortedByKey(buildHeaderComponents()),
    securitySchemes: sortedByKey(buildSecuritySchemes()),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Smartcar API v3 (as modelled by Paddock)',
      version: CONTRACT_VERSION,
      description: DESCRIPTION,
    },
    servers:
      options.origin === undefined
        ? [{ url: SMARTCAR_ORIGINS[DEFAULT_SURFACE], description: SURFACE_NAMES[DEFAULT_SURFACE] }]
        : [{ url: options.origin, description: 'Paddock emulator: every surface on one origin' }],
    security: DEFAULT_SECURITY,
    tags: TAGS.map((tag) => ({ ...tag })),
    paths: buildPaths(OPERATIONS, components, options.origin !== undefined),
    webhooks: buildWebhooks(),
    components,
  };
}

/** The document as it is checked in: 2-space JSON with a trailing newline. */
export function renderOpenApiDocument(document: JsonObject = buildOpenApiDocument()): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
