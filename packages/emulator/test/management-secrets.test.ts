import { applicationListResponseSchema, applicationSecretListResponseSchema } from '@paddock/contract';
import { createEmulator, createManualClock, generateDevelopmentCredentials } from '../src/index.js';
import {
  addApplication,
  apiGet,
  expectApiError,
  getToken,
  ORIGIN,
  REDIRECT_URI,
  setup,
  type TestEmulator,
} from './helpers/setup.js';

const basic = (token: string) => `Basic ${Buffer.from(`default:${token}`).toString('base64')}`;

/** The token's application id, as a client learns it: from the applications list. */
async function ownApplicationId(t: Pick<TestEmulator, 'fetch'>, token: string): Promise<string> {
  const list = applicationListResponseSchema.parse(await (await apiGet(t, '/v3/applications', token)).json());
  return list.data[0]!.id;
}

/** Every stored form of the application's secrets: none may reach a response. */
function storedSecrets(t: TestEmulator): string[] {
  const [app] = t.emulator.runtime.exportState().tables.applications as {
    secretHash: { $buffer: string };
    secretSalt: { $buffer: string };
  }[];
  const hash = Buffer.from(app!.secretHash.$buffer, 'base64');
  const salt = Buffer.from(app!.secretSalt.$buffer, 'base64');
  return [
    t.app.clientSecret,
    t.app.managementToken,
    hash.toString('base64'),
    hash.toString('base64url'),
    hash.toString('hex'),
    salt.toString('base64url'),
    salt.toString('hex'),
  ];
}

describe('Management API: application secrets (§4.3 ⚠, Paddock’s shape)', () => {
  it('lists the client secret by id, hint and creation time, never its value or hash', async () => {
    const t = setup();
    const token = await getToken(t, t.app);
    const id = await ownApplicationId(t, token);
    const res = await apiGet(t, `/v3/applications/${id}/secrets`, token);
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    const body = applicationSecretListResponseSchema.parse(await res.json());
    expect(body.meta).toEqual({ pageNumber: 1, pageSize: 25, totalCount: 1 });
    expect(body.links.next).toBeNull();
    const [secret] = body.data;
    expect(secret!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(secret!.attributes.hint).toBe(t.app.clientSecret.slice(-4));
    expect(secret!.relationships.application).toEqual({
      data: { type: 'application', id },
      links: { related: `${ORIGIN}/v3/applications/${id}` },
    });
    expect(secret!.meta.createdAt).toBe(new Date(t.clock.now()).toISOString());
    for (const stored of storedSecrets(t)) expect(text).not.toContain(stored);

    // The same secret keeps its id; Basic management auth sees the same list.
    const again = await apiGet(t, `/v3/applications/${id}/secrets`, undefined, {
      authorization: basic(t.app.managementToken),
    });
    expect(applicationSecretListResponseSchema.parse(await again.json()).data).toEqual(body.data);
  });

  it('is 401 without credentials and 404 for an unknown or another application', async () => {
    const t = setup();
    const token = await getToken(t, t.app);
    const id = await ownApplicationId(t, token);
    await expectApiError(
      await apiGet(t, `/v3/applications/${id}/secrets`),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
    const other = addApplication(t.emulator);
    const otherToken = await getToken(t, other);
    for (const path of [`/v3/applications/${id}/secrets`, '/v3/applications/nope/secrets']) {
      const res = await apiGet(t, path, otherToken);
      const text = await res.clone().text();
      await expectApiError(res, 404, 'RESOURCE_NOT_FOUND', 'APPLICATION_NOT_FOUND');
      expect(text).not.toContain(t.app.clientSecret.slice(-4));
    }
  });

  it('pages like the applications list', async () => {
    const t = setup();
    const token = await getToken(t, t.app);
    const id = await ownApplicationId(t, token);
    const second = applicationSecretListResponseSchema.parse(
      await (await apiGet(t, `/v3/applications/${id}/secrets?page[number]=2&page[size]=1`, token)).json(),
    );
    expect(second.data).toEqual([]);
    expect(second.meta).toEqual({ pageNumber: 2, pageSize: 1, totalCount: 1 });
    expect(second.links.prev).toContain('page%5Bnumber%5D=1');
    await expectApiError(
      await apiGet(t, `/v3/applications/${id}/secrets?page[size]=101`, token),
      400,
      'VALIDATION',
      'INVALID_INPUT_FORMAT',
    );
  });

  it('gives no hint of a secret too short to spare four characters', async () => {
    const clock = createManualClock();
    const app = { ...generateDevelopmentCredentials([REDIRECT_URI]), clientSecret: 'fifteen-chars-x' };
    const emulator = createEmulator({ clock, applications: [app] });
    const t = { emulator, clock, app, fetch: emulator.fetch };
    const token = await getToken(t, app);
    const id = await ownApplicationId(t, token);
    const res = await apiGet(t, `/v3/applications/${id}/secrets`, token);
    const text = await res.clone().text();
    expect(applicationSecretListResponseSchema.parse(await res.json()).data[0]!.attributes.hint).toBeNull();
    expect(text).not.toContain('s-x');
  });

  it('keeps id and hint through export and import; a state saved before hints has none', async () => {
    const t = setup();
    const token = await getToken(t, t.app);
    const id = await ownApplicationId(t, token);
    const path = `/v3/applications/${id}/secrets`;
    const before = applicationSecretListResponseSchema.parse(await (await apiGet(t, path, token)).json());
    const state = t.emulator.runtime.exportState();

    const restored = createEmulator({ clock: createManualClock() });
    restored.runtime.importState(JSON.parse(JSON.stringify(state)));
    const r = { ...t, emulator: restored, fetch: restored.fetch };
    const after = applicationSecretListResponseSchema.parse(
      await (await apiGet(r, path, await getToken(r, t.app))).json(),
    );
    expect(after.data).toEqual(before.data);

    const old = JSON.parse(JSON.stringify(state)) as typeof state;
    for (const app of old.tables.applications as Record<string, unknown>[]) delete app.secretHint;
    const legacy = createEmulator({ clock: createManualClock() });
    legacy.runtime.importState(old);
    const l = { ...t, emulator: legacy, fetch: legacy.fetch };
    const listed = applicationSecretListResponseSchema.parse(
      await (await apiGet(l, path, await getToken(l, t.app))).json(),
    );
    expect(listed.data).toEqual([{ ...before.data[0]!, attributes: { hint: null } }]);
  });
});
