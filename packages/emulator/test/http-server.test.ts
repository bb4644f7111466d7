import { request as httpRequest } from 'node:http';
import { HEADER_REQUEST_ID } from '@paddock/contract';
import { useServedBev } from './helpers/served.js';

// The Node adapter takes shortcuts (headers read from Node's raw list, the
// request id set on Node's response): over a socket every answer must be the
// one the in-process fetch gives.

const serveBev = useServedBev();

async function served() {
  const bev = await serveBev(['read_battery', 'read_vehicle_info']);
  const url = bev.url;
  // Both sides on the same origin, so links match too.
  const both = async (path: string, headers: Record<string, string>) => {
    const init = { headers: { authorization: `Bearer ${bev.token}`, ...headers } };
    const [viaHttp, inProcess] = await Promise.all([
      fetch(`${url}${path}`, init),
      bev.t.fetch(`${url}${path}`, init),
    ]);
    return { viaHttp, inProcess };
  };
  return { ...bev, url, both };
}

/** Raw HTTP/1.1 with repeated header fields, which fetch cannot send. */
function rawGet(url: string, path: string, headers: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // A raw header list gets no automatic Host, which HTTP/1.1 requires.
    const host = ['Host', new URL(url).host];
    const req = httpRequest(`${url}${path}`, { headers: [...host, ...headers] }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('served over HTTP', () => {
  it('answers the same bodies as in-process: vehicle, signal list (both unit systems), one signal, errors', async () => {
    const s = await served();
    const user = { 'sc-user-id': s.userId };
    const cases: [string, Record<string, string>][] = [
      [`/v3/vehicles/${s.vehicleId}`, {}],
      [`/v3/vehicles/${s.vehicleId}/signals`, user],
      [`/v3/vehicles/${s.vehicleId}/signals`, { ...user, 'sc-unit-system': 'imperial' }],
      [`/v3/vehicles/${s.vehicleId}/signals/tractionbattery-stateofcharge`, user],
      [`/v3/vehicles/${s.vehicleId}/signals`, {}],
      [`/v3/vehicles/${s.vehicleId}/signals`, { ...user, 'sc-unit-system': 'kelvin' }],
    ];
    for (const [path, headers] of cases) {
      const { viaHttp, inProcess } = await s.both(path, headers);
      expect(viaHttp.status, path).toBe(inProcess.status);
      expect(viaHttp.headers.get('content-type')).toBe(inProcess.headers.get('content-type'));
      // Error envelopes carry their own request id; everything else must match byte for byte.
      const strip = (text: string) => text.replace(/"requestId":"[^"]+"/, '');
      const text = await viaHttp.text();
      expect(strip(text), path).toBe(strip(await inProcess.text()));
      // Compact JSON, as JSON.stringify writes it (the list's text is assembled by hand).
      expect(JSON.stringify(JSON.parse(text))).toBe(text);
    }
    const list = await (await s.both(`/v3/vehicles/${s.vehicleId}/signals`, user)).viaHttp.json();
    expect(Object.keys(list)).toEqual(['data', 'meta', 'links', 'included']);
    expect(list.meta).toEqual({ totalCount: list.data.length, pageSize: list.data.length, pageNumber: 1 });
  });

  it('puts a fresh sc-request-id on successes and errors, equal to the envelope meta', async () => {
    const s = await served();
    const ok = await fetch(`${s.url}/v3/vehicles/${s.vehicleId}`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    const unauthorized = await fetch(`${s.url}/v3/vehicles/${s.vehicleId}`);
    const missing = await fetch(`${s.url}/nowhere`);
    const ids = [ok, unauthorized, missing].map((r) => r.headers.get(HEADER_REQUEST_ID));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    for (const res of [unauthorized, missing]) {
      const body = (await res.json()) as { errors: { meta: { debug: { requestId: string } } }[] };
      expect(body.errors[0]!.meta.debug.requestId).toBe(res.headers.get(HEADER_REQUEST_ID));
    }
  });

  it('reads repeated header fields as fetch joins them ("a, b"), like in-process', async () => {
    const s = await served();
    const path = `/v3/vehicles/${s.vehicleId}/signals`;
    const auth = ['Authorization', `Bearer ${s.token}`];
    const twice = await rawGet(s.url, path, [...auth, ...auth, 'sc-user-id', s.userId]);
    expect(twice.status).toBe(401);
    const units = await rawGet(s.url, path, [
      ...auth,
      'SC-User-Id',
      s.userId,
      'sc-unit-system',
      'imperial',
      'Sc-Unit-System',
      'imperial',
    ]);
    expect(units.status).toBe(400);
    expect(units.body).toContain('sc-unit-system');
    const once = await rawGet(s.url, path, [...auth, 'SC-USER-ID', s.userId, 'SC-Unit-System', 'Imperial']);
    expect(once.status).toBe(200);
    expect(once.body).toContain('"unit":"miles"');
  });
});
