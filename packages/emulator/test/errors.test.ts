import { HEADER_REQUEST_ID } from '@paddock/contract';
import { createEmulator } from '../src/index.js';
import { expectApiError, getToken, ORIGIN, setup } from './helpers/setup.js';

describe('unknown paths and methods', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/v3/nope'],
    ['GET', '/v2.0/vehicles'],
    ['DELETE', '/v3/vehicles/x'],
    ['PUT', '/v3/connections'],
    ['GET', '/oauth2/token'],
    ['POST', '/oauth/authorize'],
  ])('%s %s → 404 RESOURCE_NOT_FOUND / INVALID_PATH envelope', async (method, path) => {
    const t = setup();
    const token = await getToken(t, t.app);
    const res = await t.fetch(`${ORIGIN}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const error = await expectApiError(res, 404, 'RESOURCE_NOT_FOUND', 'INVALID_PATH');
    expect(error.detail).toContain(path);
  });
});

describe('uncaught exceptions', () => {
  it('become a logged 500 SERVER / INTERNAL envelope', async () => {
    const logged: unknown[] = [];
    const emulator = createEmulator({
      logger: { info() {}, warn() {}, error: (o) => logged.push(o) },
    });
    emulator.app.get('/v3/explode', () => {
      throw new Error('kaboom');
    });
    const res = await emulator.fetch('/v3/explode');
    const error = await expectApiError(res, 500, 'SERVER', 'INTERNAL');
    expect(error.detail).not.toContain('kaboom');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ requestId: error.meta?.debug.requestId });
  });
});

describe('sc-request-id', () => {
  it('is on every response, successful or not, and unique', async () => {
    const t = setup();
    const responses = [
      await t.fetch(`${ORIGIN}/oauth/authorize?client_id=${t.app.clientId}`),
      await t.fetch(`${ORIGIN}/oauth/authorize?client_id=nobody`),
      await t.fetch(`${ORIGIN}/oauth2/token`, { method: 'POST' }),
      await t.fetch(`${ORIGIN}/v3/connections`, {
        headers: { authorization: `Bearer ${await getToken(t, t.app)}` },
      }),
      await t.fetch(`${ORIGIN}/_emulator/connect`, { method: 'POST', body: '{}' }),
    ];
    const ids = responses.map((r) => r.headers.get(HEADER_REQUEST_ID));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
