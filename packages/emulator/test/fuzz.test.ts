import { IAM_TOKEN_PATH, oauthErrorSchema, v3ErrorEnvelopeSchema } from '@paddock/contract';
import { connectOk, getToken, ORIGIN, setup } from './helpers/setup.js';
import { CONTROL } from './helpers/vehicle-actions.js';

/** mulberry32: a tiny seeded PRNG, so a failing case reproduces from the printed seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, chance: (p: number) => next() < p };
}

const SEED = 20260101;
const REQUESTS = 3000;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

describe('fuzz: generated bad requests never get a 5xx', () => {
  it(`sends ${REQUESTS} requests (seed ${SEED}) and every error is a well-formed envelope`, {
    timeout: 120_000,
  }, async () => {
    const t = setup();
    const user = await connectOk(t, {
      clientId: t.app.clientId,
      email: '3-vehicles@smartcar.com',
      permissions: CONTROL,
      make: 'TESLA',
    });
    const token = await getToken(t, t.app);
    const r = prng(SEED);

    // Every route the app declares; the control mutations that legitimately inject 5xx (faults) or slow
    // everything down (command delay, clock speed, reset) are left out.
    const templates = [...new Set(t.emulator.app.routes.map((route) => route.path))].filter(
      (path) => !path.startsWith('/_emulator/') || path === '/_emulator/connect',
    );
    templates.push('/v3/nowhere', '/', '/v2.0/vehicles');

    // Half the segments are real ids, so requests get past the lookups and reach validation and effects.
    const segments = () =>
      r.chance(0.5)
        ? r.pick([user.vehicleIds[0]!, user.vehicleIds[1]!, user.connectionIds[0]!, user.userId])
        : r.pick([
            user.vehicleIds[0]!,
            user.connectionIds[0]!,
            user.userId,
            'exec_01HXYZ',
            'sch_01',
            '',
            '%ZZ',
            '%E0%A4%A',
            '%',
            '..',
            '%2F..%2F',
            'ünïcødé',
            '😀',
            'a'.repeat(r.pick([1, 300, 5000])),
            String(r.next()),
            "' OR 1=1 --",
            '<script>',
            'null',
          ]);
    const path = () =>
      r
        .pick(templates)
        .replace(/\*+/g, () => segments())
        .replace(/:[A-Za-z]+(\{[^}]*\})?/g, () => segments());
    const query = () =>
      r.pick([
        '',
        '?page[size]=0',
        '?page[number]=-1&page[size]=1000',
        '?filter[vehicle.mode]=bogus',
        '?filter[userId]=%E0%A4%A',
        `?filter[userId]=${user.userId}&filter[vehicle.mode]=simulated`,
        '?page%5Bsize%5D=%ZZ',
        '?a=1&a=2&a=3',
        `?${'x='.repeat(2000)}`,
        '?client_id=&redirect_uri=javascript:alert(1)&response_type=code',
      ]);
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = {};
      const auth = r.pick([
        `Bearer ${token}`,
        `Bearer ${token}`,
        'Bearer',
        'Basic Zm9vOmJhcg==',
        'bearer  x y',
        '',
        undefined,
      ]);
      if (auth !== undefined) h.authorization = auth;
      const userId = r.pick([user.userId, user.userId, '', ' ', 'x'.repeat(400), 'not-a-user', undefined]);
      if (userId !== undefined) h['sc-user-id'] = userId;
      const type = r.pick([
        'application/json',
        'application/json; charset=utf-8',
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        '',
        undefined,
      ]);
      if (type !== undefined) h['content-type'] = type;
      if (r.chance(0.1)) h['sc-unit-system'] = r.pick(['imperial', 'metric', 'klingon']);
      return h;
    };
    const body = (): BodyInit | undefined =>
      r.pick([
        () => undefined,
        () => '',
        () => '{}',
        () => '{"data":{"attributes":{"percent":80}}}',
        () => '{"data":{"attributes":{"percent":500}}}',
        () => '{"data":{"attributes":{"latitude":"north"}}}',
        () => '{"data":',
        () => '[]',
        () => 'null',
        () => '"string"',
        () => '{"__proto__":{"polluted":true}}',
        () => 'grant_type=client_credentials&client_id=x&client_secret=y',
        () => new Uint8Array(Array.from({ length: 64 }, () => Math.floor(r.next() * 256))),
        () => JSON.stringify({ deep: JSON.parse('['.repeat(500) + ']'.repeat(500)) }),
        () => 'x'.repeat(r.pick([65 * 1024, 200 * 1024])),
        () =>
          JSON.stringify({
            clientId: t.app.clientId,
            email: r.pick(['', 'a@b', 'not an email']),
            permissions: ['nope'],
          }),
      ])();

    const failures: string[] = [];
    for (let i = 0; i < REQUESTS && failures.length < 10; i++) {
      const method = r.pick(METHODS);
      const url = `${ORIGIN}${path()}${query()}`;
      const init: RequestInit = { method, headers: headers() };
      const payload = body();
      if (method !== 'GET' && method !== 'HEAD' && payload !== undefined) init.body = payload;
      const label = `#${i} ${method} ${url.slice(0, 200)}`;
      let res: Response;
      try {
        res = await t.fetch(url, init);
      } catch (err) {
        // Only a URL the fetch API itself refuses may throw, never the emulator.
        if (err instanceof TypeError && /URL|Invalid/.test(String(err))) continue;
        failures.push(`${label}: threw ${String(err)}`);
        continue;
      }
      const text = await res.text();
      if (res.status >= 500) failures.push(`${label}: ${res.status} ${text.slice(0, 300)}`);
      if (res.status < 400 || method === 'HEAD') continue;
      const type = res.headers.get('content-type') ?? '';
      const pathname = new URL(url).pathname;
      if (type.includes('text/html') && pathname.startsWith('/oauth/')) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        failures.push(`${label}: ${res.status} body is not JSON: ${text.slice(0, 200)}`);
        continue;
      }
      const oauthShaped = pathname === IAM_TOKEN_PATH || pathname === '/_emulator/connect';
      const ok =
        v3ErrorEnvelopeSchema.safeParse(json).success ||
        (oauthShaped && oauthErrorSchema.safeParse(json).success);
      if (!ok) failures.push(`${label}: ${res.status} unexpected error shape ${text.slice(0, 200)}`);
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
  });
});
