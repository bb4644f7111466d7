import type { SmartcarSurface } from '../hosts.js';
import type { RequestSchemaName, ResponseSchemaName } from './schema-catalogue.js';

/** Tags of the document, in the order readers meet them. */
export const TAGS = [
  { name: 'IAM', description: 'Application access tokens (reference §2).' },
  { name: 'Connections', description: 'Connections between users and vehicles, and users (reference §3.2).' },
  { name: 'Vehicles', description: 'Vehicle attributes (reference §3.3).' },
  { name: 'Signals', description: 'Vehicle data, one signal per code (reference §3.4).' },
  { name: 'Commands', description: 'Remote commands and their executions (reference §3.5).' },
  { name: 'Charge schedules', description: 'Charging windows (reference §3.6).' },
  { name: 'Management', description: 'Webhooks, subscriptions and applications (reference §4).' },
] as const;
export type TagName = (typeof TAGS)[number]['name'];

/** Surfaces that serve operations (Connect is a browser page, not an API). */
export type ApiSurface = Exclude<SmartcarSurface, 'connect'>;

/** A success response: its description and, when it has a body, the body's component. */
export interface SuccessResponse {
  description: string;
  schema?: ResponseSchemaName;
}

/** One row of the operation table; everything else in the document is derived from it. */
export interface OperationSpec {
  operationId: string;
  method: 'get' | 'post' | 'delete';
  /** Full path on the surface's origin, `/v3/…`; `{name}` parameters map to `components.parameters`. */
  path: string;
  surface: ApiSurface;
  tag: TagName;
  summary: string;
  description?: string;
  /** Header and query parameters, by component key; path parameters come from the template. */
  parameters?: readonly string[];
  requestBody?: {
    schema: RequestSchemaName;
    required: boolean;
    /** Defaults to `application/json`. */
    mediaTypes?: readonly string[];
    description?: string;
  };
  /** Success statuses only. */
  responses: Readonly<Record<number, SuccessResponse>>;
  /** Error statuses; each becomes a `$ref` to the shared response of that status. */
  errors: readonly number[];
}
