import { getToken, ORIGIN, setup } from './helpers/setup.js';

// The OpenAPI document the emulator serves names this emulator's origin, and
// every operation in it is a route the emulator has: none answers Smartcar's
// 404 INVALID_PATH, the answer to a path or method it does not know.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Node = Record<string, unknown>;

describe('GET /_emulator/openapi.json', () => {
  it('is the OpenAPI 3.1 document with every surface on this origin', async () => {
    const t = setup();
    const res = await t.fetch(`${ORIGIN}/_emulator/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as Node;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([expect.objectContaining({ url: ORIGIN })]);
    // Asked again, the same text (built once per origin).
    const again = await (await t.fetch(`${ORIGIN}/_emulator/openapi.json`)).text();
    expect(again).toBe(JSON.stringify(doc));
  });

  it('lists only operations the emulator routes', async () => {
    const t = setup();
    const doc = (await (await t.fetch(`${ORIGIN}/_emulator/openapi.json`)).json()) as Node;
    const token = await getToken(t, t.app);
    const checked: string[] = [];
    for (const [template, item] of Object.entries(doc.paths as Record<string, Node>)) {
      const path = template.replace(/\{[^}]+\}/g, 'unknown-id');
      for (const method of METHODS.filter((m) => item[m])) {
        const res = await t.fetch(`${ORIGIN}${path}`, {
          method: method.toUpperCase(),
          headers: {
            authorization: `Bearer ${token}`,
            'sc-user-id': 'unknown-user',
            'content-type': 'application/json',
          },
          ...(method === 'get' || method === 'delete' ? {} : { body: '{}' }),
        });
        const text = await res.text();
        expect(res.status, `${method} ${template}`).toBeLessThan(500);
        expect(text, `${method} ${template}`).not.toContain('INVALID_PATH');
        checked.push(`${method} ${template}`);
      }
    }
    expect(checked.length).toBeGreaterThan(30);
    // What a route the emulator lacks would have answered.
    const missing = await t.fetch(`${ORIGIN}/v3/vehicles/unknown-id/not-a-route`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('INVALID_PATH');
  });
});
