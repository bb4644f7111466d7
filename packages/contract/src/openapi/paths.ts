import { SMARTCAR_ORIGINS } from '../hosts.js';
import type { Json, JsonObject } from './json-schemas.js';
import { schemaRef } from './json-schemas.js';
import { sortedByKey } from './naming.js';
import type { ApiSurface, OperationSpec } from './operation-types.js';
import { pathParameterKey } from './parameters.js';
import { errorResponseKey, requestIdHeader } from './responses.js';
import { TOKEN_SECURITY } from './security.js';

/** The surface of the document-level `servers`; operations elsewhere carry their own. */
export const DEFAULT_SURFACE: ApiSurface = 'vehicleApi';

export const SURFACE_NAMES: Readonly<Record<ApiSurface, string>> = {
  iam: 'IAM (token endpoint)',
  vehicleApi: 'Vehicle API',
  managementApi: 'Management API',
};

const ref = (section: string, key: string, known: Record<string, unknown>): JsonObject => {
  // Fail the build, not a reader of the document, on a name the table misspells.
  if (!Object.hasOwn(known, key)) throw new Error(`Unknown ${section} component "${key}"`);
  return { $ref: `#/components/${section}/${key}` };
};

function parameters(op: OperationSpec, known: Record<string, unknown>): Json[] {
  const fromPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => pathParameterKey(m[1] ?? ''));
  return [...fromPath, ...(op.parameters ?? [])].map((key) => ref('parameters', key, known));
}

function responses(op: OperationSpec, knownResponses: Record<string, unknown>): JsonObject {
  const oauth = op.surface === 'iam';
  const out: JsonObject = {};
  for (const [status, { description, schema }] of Object.entries(op.responses)) {
    out[status] = {
      description,
      // Smartcar documents sc-request-id on its v3 APIs, not on IAM.
      ...(oauth ? {} : { headers: requestIdHeader() }),
      ...(schema ? { content: { 'application/json': { schema: schemaRef(schema) } } } : {}),
    };
  }
  for (const status of op.errors)
    out[status] = ref('responses', errorResponseKey(status, oauth), knownResponses);
  return out;
}

function operation(
  op: OperationSpec,
  components: Record<string, Record<string, unknown>>,
  oneOrigin: boolean,
): JsonObject {
  const params = parameters(op, components.parameters ?? {});
  const body = op.requestBody;
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: op.operationId,
    ...(op.surface === DEFAULT_SURFACE || oneOrigin
      ? {}
      : { servers: [{ url: SMARTCAR_ORIGINS[op.surface], description: SURFACE_NAMES[op.surface] }] }),
    ...(op.surface === 'iam' ? { security: TOKEN_SECURITY } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body
      ? {
          requestBody: {
            ...(body.description ? { description: body.description } : {}),
            required: body.required,
            content: Object.fromEntries(
              (body.mediaTypes ?? ['application/json']).map((type) => [
                type,
                { schema: schemaRef(body.schema) },
              ]),
            ),
          },
        }
      : {}),
    responses: responses(op, components.responses ?? {}),
  };
}

/**
 * `paths` from the operation table, sorted by path so that the output is
 * stable however the table is ordered. Throws on a parameter or response
 * name that `components` lacks, and on two operations for one path and method.
 * With `oneOrigin` (an emulator serving every surface) no operation names a
 * server of its own.
 */
export function buildPaths(
  operations: readonly OperationSpec[],
  components: Record<string, Record<string, unknown>>,
  oneOrigin = false,
): Record<string, JsonObject> {
  const paths: Record<string, JsonObject> = {};
  for (const op of operations) {
    const item = paths[op.path] ?? {};
    paths[op.path] = item;
    if (Object.hasOwn(item, op.method)) throw new Error(`Two operations for ${op.method} ${op.path}`);
    item[op.method] = operation(op, components, oneOrigin);
  }
  return sortedByKey(paths);
}
