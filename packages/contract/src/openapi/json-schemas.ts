import { z } from 'zod';
import { type NamedSchema, REQUEST_SCHEMAS, RESPONSE_SCHEMAS, type SchemaName } from './schema-catalogue.js';

/** A JSON value as the document holds it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const SCHEMAS_POINTER = '#/components/schemas/';

/** `{ $ref }` to a component schema. */
export function schemaRef(name: SchemaName): JsonObject {
  return { $ref: `${SCHEMAS_POINTER}${name}` };
}

const OPTIONS = { target: 'draft-2020-12', unrepresentable: 'any' } as const;

// Inside an OpenAPI document a component is a subschema: `$schema` belongs to
// the document's dialect, and zod's fragment-only `$id` is not a valid 2020-12 `$id`.
function asSubschema(schema: object): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, Json>;
  return rest;
}

function convert(named: Record<string, NamedSchema>, io: 'input' | 'output'): Record<string, JsonObject> {
  // One registry per side: a schema registered here is emitted once and `$ref`'d
  // wherever another schema of the same side contains it.
  const registry = z.registry<{ id: string; description?: string }>();
  for (const [id, { schema, description }] of Object.entries(named)) {
    registry.add(schema, description === undefined ? { id } : { id, description });
  }
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, io, uri: (id) => `${SCHEMAS_POINTER}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, asSubschema(s)]));
}

/**
 * `components.schemas`, every one in zod's `input` view: what goes over the
 * wire before parsing. The `output` view would be the parsed TypeScript
 * shape, and would close every object to properties it does not list,
 * where Smartcar adds fields over time and clients should take them.
 * Throws if a name is on both sides, which would make one `$ref` mean two
 * schemas.
 */
export function buildSchemaComponents(): Record<string, JsonObject> {
  const requests = convert(REQUEST_SCHEMAS, 'input');
  const responses = convert(RESPONSE_SCHEMAS, 'input');
  const clash = Object.keys(requests).filter((name) => Object.hasOwn(responses, name));
  if (clash.length > 0) throw new Error(`Schema names on both sides: ${clash.join(', ')}`);
  return { ...requests, ...responses };
}

/** An unnamed zod schema (a parameter's) as an inline JSON Schema. */
export function inlineSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonObject {
  return asSubschema(z.toJSONSchema(schema, { ...OPTIONS, io }));
}
