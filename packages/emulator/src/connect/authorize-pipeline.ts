import {
  type AuthorizeParams,
  authorizeParamsSchema,
  type ConnectErrorCode,
  parseFlags,
  parseScope,
  type ScopeEntry,
} from '@paddock/contract';
import { findMake } from '../simulation/catalogue.js';
import type { ApplicationRecord, AuthorizationRequest } from '../store/records.js';
import type { ApplicationRepository } from '../store/repositories.js';

/**
 * `GET /oauth/authorize` checked as a declared pipeline of small steps, in
 * order (after node-oidc-provider). Until the client and its redirect URI are
 * trusted a failure can only be shown as a page; after that it is sent back
 * to the application as a Connect error redirect (reference §1.3).
 */
interface AuthorizeContext {
  readonly query: URLSearchParams;
  readonly applications: ApplicationRepository;
  application?: ApplicationRecord;
  redirectUri?: string;
  params?: AuthorizeParams;
  scope?: ScopeEntry[];
  make?: string;
}

interface StepFailure {
  error: ConnectErrorCode;
  description: string;
}

type AuthorizeStep = (ctx: AuthorizeContext) => StepFailure | undefined;

/** Scope used when the request names none: stands in for the dashboard's "Vehicle Access" setting. */
export const DEFAULT_SCOPE: ScopeEntry[] = [{ permission: 'read_vehicle_info', required: false }];

const single = (query: URLSearchParams, name: string) => {
  const values = query.getAll(name);
  return values.length === 1 ? values[0] : values.length === 0 ? undefined : null;
};

const checkClient: AuthorizeStep = (ctx) => {
  const clientId = single(ctx.query, 'client_id');
  if (clientId === null) return { error: 'configuration_error', description: 'client_id is repeated.' };
  if (!clientId) return { error: 'configuration_error', description: 'client_id is required.' };
  ctx.application = ctx.applications.findByClientId(clientId) ?? ctx.applications.findById(clientId);
  if (!ctx.application)
    return { error: 'configuration_error', description: `Unknown client_id ${clientId}.` };
  return undefined;
};

const checkRedirectUri: AuthorizeStep = (ctx) => {
  const app = ctx.application!;
  const given = single(ctx.query, 'redirect_uri');
  if (given === null) return { error: 'configuration_error', description: 'redirect_uri is repeated.' };
  // Byte-for-byte equality with a registered URI: no normalisation, no prefix matching (RFC 9700 §4.1).
  const uri = given === undefined ? app.redirectUris[0] : app.redirectUris.find((u) => u === given);
  if (uri === undefined) {
    return {
      error: 'configuration_error',
      description: `The redirect_uri ${given ?? '(none)'} is not registered for the application ${app.name}.`,
    };
  }
  ctx.redirectUri = uri;
  return undefined;
};

const checkParams: AuthorizeStep = (ctx) => {
  const repeated = [...new Set([...ctx.query.keys()])].filter((k) => ctx.query.getAll(k).length > 1);
  if (repeated.length > 0)
    return { error: 'configuration_error', description: `Repeated parameter: ${repeated.join(', ')}.` };
  const parsed = authorizeParamsSchema.safeParse(Object.fromEntries(ctx.query));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
    return { error: 'configuration_error', description: `Invalid parameters. ${problems.join('; ')}.` };
  }
  ctx.params = parsed.data;
  return undefined;
};

const checkScope: AuthorizeStep = (ctx) => {
  const raw = ctx.params!.scope?.trim();
  if (!raw) {
    ctx.scope = DEFAULT_SCOPE;
    return undefined;
  }
  const parsed = parseScope(raw);
  if (!parsed.ok) {
    return {
      error: 'configuration_error',
      description: `Unknown permission in scope: ${parsed.unknown.join(', ')}.`,
    };
  }
  ctx.scope = parsed.entries;
  return undefined;
};

const checkMake: AuthorizeStep = (ctx) => {
  const { make, single_select_vin } = ctx.params!;
  // single_select_vin takes precedence over make (reference §1.1).
  if (make === undefined || single_select_vin !== undefined) return undefined;
  const known = findMake(make);
  if (!known) return { error: 'configuration_error', description: `Unknown make ${make}.` };
  ctx.make = known.make;
  return undefined;
};

/** The steps, in the order they run. */
export const AUTHORIZE_STEPS: readonly { name: string; run: AuthorizeStep }[] = [
  { name: 'client', run: checkClient },
  { name: 'redirect_uri', run: checkRedirectUri },
  { name: 'params', run: checkParams },
  { name: 'scope', run: checkScope },
  { name: 'make', run: checkMake },
];

export type AuthorizeOutcome =
  | { kind: 'ok'; application: ApplicationRecord; request: AuthorizationRequest }
  /** Client or redirect URI untrusted: show an error page, never redirect. */
  | { kind: 'page'; step: string; description: string }
  /** Trusted redirect URI: send the error back to the application. */
  | {
      kind: 'redirect';
      step: string;
      redirectUri: string;
      error: ConnectErrorCode;
      description: string;
      state?: string;
    };

/** Runs the pipeline over the raw query of `/oauth/authorize`. */
export function runAuthorizePipeline(
  query: URLSearchParams,
  applications: ApplicationRepository,
): AuthorizeOutcome {
  const ctx: AuthorizeContext = { query, applications };
  for (const step of AUTHORIZE_STEPS) {
    const failure = step.run(ctx);
    if (!failure) continue;
    if (ctx.redirectUri === undefined)
      return { kind: 'page', step: step.name, description: failure.description };
    const state = query.getAll('state')[0];
    return { kind: 'redirect', step: step.name, redirectUri: ctx.redirectUri, ...failure, state };
  }
  const p = ctx.params!;
  return {
    kind: 'ok',
    application: ctx.application!,
    request: {
      applicationId: ctx.application!.id,
      redirectUri: ctx.redirectUri!,
      state: p.state,
      scope: ctx.scope!,
      mode: p.mode ?? 'live',
      make: ctx.make,
      singleSelect: p.single_select === 'true' || p.single_select_vin !== undefined,
      singleSelectVin: p.single_select_vin?.toUpperCase(),
      externalId: p.external_id,
      user: p.user,
      flags: parseFlags(p.flags),
      approvalPrompt: p.approval_prompt ?? 'auto',
      responseType: p.response_type ?? 'code',
    },
  };
}
