import { readFileSync } from 'node:fs';
import {
  CHARGE_LIMIT_MAX_PERCENT,
  CHARGE_LIMIT_MIN_PERCENT,
  HEADER_USER_ID,
  SMARTCAR_ORIGINS,
} from '@paddock/contract';
import { buildOpenApiDocument, renderOpenApiDocument } from '@paddock/contract/openapi';
import { Validator } from '@seriousme/openapi-schema-validator';

type Node = Record<string, unknown>;

const built = buildOpenApiDocument();
const doc = built as Node;
const CHECKED_IN = new URL('../openapi.json', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Follows a local JSON pointer (`#/a/b~1c`) from the document root. */
function resolve(pointer: string): unknown {
  if (!pointer.startsWith('#/')) throw new Error(`Not a local reference: ${pointer}`);
  return pointer
    .slice(2)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, token) => (node as Node | undefined)?.[token], doc);
}

/** Follows `$ref`s until a node that is not one. */
const deref = (node: unknown): Node => {
  let current = node as Node;
  while (typeof current.$ref === 'string') current = resolve(current.$ref) as Node;
  return current;
};

function* refs(node: unknown): Generator<string> {
  if (Array.isArray(node)) for (const item of node) yield* refs(item);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') yield value;
      else yield* refs(value);
    }
  }
}

/** Every operation object, in `paths` and in `webhooks`, with where it sits. */
function operations(): { where: string; op: Node }[] {
  return (['paths', 'webhooks'] as const).flatMap((section) =>
    Object.entries(doc[section] as Record<string, Node>).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ where: `${section} ${m} ${path}`, op: item[m] as Node })),
    ),
  );
}

const operation = (path: string, method: string) =>
  ((doc.paths as Record<string, Node>)[path] as Node)[method] as Node;

describe('the OpenAPI document', () => {
  it('validates against the official OpenAPI 3.1 schema', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('is rejected by the validator when broken, so the check above means something', async () => {
    const broken = structuredClone(doc);
    delete (broken.info as Node).title;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('resolves every $ref', () => {
    const unresolved = [...refs(doc)].filter((ref) => resolve(ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    const ops = operations();
    expect(ops.filter(({ op }) => typeof op.operationId !== 'string').map((o) => o.where)).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('is checked in up to date', () => {
    const checkedIn = readFileSync(CHECKED_IN, 'utf8');
    expect(checkedIn, 'openapi.json is stale: run `npm run openapi -w packages/contract`').toBe(
      renderOpenApiDocument(),
    );
  });

  it('is built the same every time', () => {
    expect(renderOpenApiDocument(buildOpenApiDocument())).toBe(renderOpenApiDocument(built));
  });

  it('carries the contract package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect((doc.info as Node).version).toBe(pkg.version);
  });
});

describe('spot checks of the OpenAPI document', () => {
  it('requires the sc-user-id header on the signal list', () => {
    const params = (operation('/v3/vehicles/{vehicleId}/signals', 'get').parameters as Node[]).map(deref);
    expect(params).toContainEqual(
      expect.objectContaining({ name: HEADER_USER_ID, in: 'header', required: true }),
    );
  });

  it('bounds the charge limit of set-limit as the contract does', () => {
    const body = operation('/v3/vehicles/{vehicleId}/commands/charge/set-limit', 'post').requestBody as Node;
    const schema = deref((body.content as Record<string, Node>)['application/json']?.schema);
    const data = deref((schema.properties as Node).data).properties as Node;
    const attributes = deref(data.attributes);
    const percent = deref((attributes.properties as Node).percent);
    expect(percent).toMatchObject({ minimum: CHARGE_LIMIT_MIN_PERCENT, maximum: CHARGE_LIMIT_MAX_PERCENT });
    expect(attributes.required).toEqual(['percent']);
  });

  it('answers the token endpoint’s 401 with the OAuth error body, on the IAM host', () => {
    const token = operation('/oauth2/token', 'post');
    const unauthorized = deref((token.responses as Node)['401']);
    expect((unauthorized.content as Record<string, Node>)['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/OAuthError',
    });
    expect(token.servers).toEqual([expect.objectContaining({ url: SMARTCAR_ORIGINS.iam })]);
  });

  it('sends Management API operations to the management host and the rest to the default one', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: SMARTCAR_ORIGINS.vehicleApi })]);
    expect(operation('/v3/subscriptions', 'post').servers).toEqual([
      expect.objectContaining({ url: SMARTCAR_ORIGINS.managementApi }),
    ]);
    expect(operation('/v3/vehicles/{vehicleId}', 'get').servers).toBeUndefined();
  });

  it('answers the VERIFY webhook with the challenge', () => {
    const verify = ((doc.webhooks as Record<string, Node>).VERIFY as Node).post as Node;
    const ok = (verify.responses as Record<string, Node>)['200'] as Node;
    expect((ok.content as Record<string, Node>)['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/VerifyChallengeResponse',
    });
  });

  it('points every operation at one origin when built for an emulator, and still validates', async () => {
    const local = buildOpenApiDocument({ origin: 'http://localhost:4010' }) as Node;
    expect(local.servers).toEqual([expect.objectContaining({ url: 'http://localhost:4010' })]);
    const paths = local.paths as Record<string, Node>;
    for (const [path, item] of Object.entries(paths))
      for (const method of METHODS.filter((m) => item[m]))
        expect((item[method] as Node).servers, `${method} ${path}`).toBeUndefined();
    const result = await new Validator().validate(structuredClone(local));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
