import { HEADER_REQUEST_ID, oauthErrorSchema, tokenResponseSchema } from '@paddock/contract';
import { apiGet, expectApiError, getToken, ORIGIN, setup } from './helpers/setup.js';

const TOKEN_URL = `${ORIGIN}/oauth2/token`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function expectOAuthError(res: Response, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get(HEADER_REQUEST_ID)).toBeTruthy();
  const body = oauthErrorSchema.parse(await res.json());
  expect(body.error).toBe(error);
  expect(body.error_description).toBeTruthy();
}

describe('POST /oauth2/token', () => {
  it('issues an opaque bearer token for a form body', async () => {
    const t = setup();
    const res = await t.fetch(TOKEN_URL, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: t.app.clientId,
        client_secret: t.app.clientSecret,
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get(HEADER_REQUEST_ID)).toMatch(/^[0-9a-f-]{36}$/);
    const body = tokenResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(body.access_token.length).toBeGreaterThanOrEqual(40);
  });

  it('accepts a JSON body', async () => {
    const t = setup();
    const res = await t.fetch(TOKEN_URL, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: t.app.clientId,
        client_secret: t.app.clientSecret,
      }),
    });
    expect(res.status).toBe(200);
    tokenResponseSchema.parse(await res.json());
  });

  it('accepts HTTP Basic client authentication', async () => {
    const t = setup();
    const res = await t.fetch(TOKEN_URL, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(t.app.clientId, t.app.clientSecret) },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    tokenResponseSchema.parse(await res.json());
  });

  it('issues a different token each time, each usable', async () => {
    const t = setup();
    const [a, b] = [await getToken(t, t.app), await getToken(t, t.app)];
    expect(a).not.toBe(b);
    for (const token of [a, b]) expect((await apiGet(t, '/v3/connections', token)).status).toBe(200);
  });

  it('rejects a missing grant_type with invalid_request', async () => {
    const t = setup();
    const body = new URLSearchParams({ client_id: t.app.clientId, client_secret: t.app.clientSecret });
    await expectOAuthError(
      await t.fetch(TOKEN_URL, { method: 'POST', headers: FORM, body }),
      400,
      'invalid_request',
    );
  });

  it('rejects another grant type with unsupported_grant_type', async () => {
    const t = setup();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: t.app.clientId,
      client_secret: t.app.clientSecret,
    });
    const res = await t.fetch(TOKEN_URL, { method: 'POST', headers: FORM, body });
    await expectOAuthError(res, 400, 'unsupported_grant_type');
  });

  it('rejects a request without client credentials with invalid_client', async () => {
    const t = setup();
    const res = await t.fetch(TOKEN_URL, {
      method: 'POST',
      headers: FORM,
      body: 'grant_type=client_credentials',
    });
    await expectOAuthError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toBeNull();
  });

  it('rejects a wrong secret and an unknown client alike with 401 invalid_client', async () => {
    const t = setup();
    for (const [id, secret] of [
      [t.app.clientId, `${t.app.clientSecret}x`],
      ['no-such-client', t.app.clientSecret],
    ] as const) {
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: id,
        client_secret: secret,
      });
      await expectOAuthError(
        await t.fetch(TOKEN_URL, { method: 'POST', headers: FORM, body }),
        401,
        'invalid_client',
      );
    }
  });

  it('challenges with WWW-Authenticate: Basic when Basic credentials are wrong', async () => {
    const t = setup();
    const res = await t.fetch(TOKEN_URL, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(t.app.clientId, 'wrong') },
      body: 'grant_type=client_credentials',
    });
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    await expectOAuthError(res, 401, 'invalid_client');
  });

  it('answers malformed bodies with invalid_request, never a crash', async () => {
    const t = setup();
    const cases: RequestInit[] = [
      { headers: JSON_TYPE, body: '{"grant_type": ' },
      { headers: JSON_TYPE, body: '["client_credentials"]' },
      { headers: JSON_TYPE, body: '{"grant_type": 42}' },
      { headers: { 'content-type': 'text/plain' }, body: 'grant_type=client_credentials' },
      { headers: FORM, body: 'grant_type=client_credentials&grant_type=client_credentials' },
      {
        headers: { ...FORM, authorization: basic(t.app.clientId, t.app.clientSecret) },
        body: `grant_type=client_credentials&client_id=${t.app.clientId}`,
      },
    ];
    for (const init of cases) {
      await expectOAuthError(await t.fetch(TOKEN_URL, { method: 'POST', ...init }), 400, 'invalid_request');
    }
  });

  it('expires tokens on the emulator clock after 3600 s', async () => {
    const t = setup();
    const token = await getToken(t, t.app);
    t.clock.advance(3599_000);
    expect((await apiGet(t, '/v3/connections', token)).status).toBe(200);
    t.clock.advance(1000);
    const error = await expectApiError(
      await apiGet(t, '/v3/connections', token),
      401,
      'AUTHENTICATION',
      'UNAUTHORIZED',
    );
    expect(error.resolution?.type).toBe('REAUTHENTICATE');
  });
});
