import { request as httpRequest } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { compressBody, encodeForClient, negotiateCoding } from '../src/http/compression.js';
import { useServedBev } from './helpers/served.js';
import { connectedBev, parseSignalList } from './helpers/signals.js';

// The signal list (~60 KB) is sent compressed when the client asks for it,
// as fetch, the SDK and curl --compressed do. These tests read the bytes as
// they come off the wire, with node:http, which decodes nothing.

describe('negotiateCoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'gzip'],
    ['deflate', 'deflate'],
    ['br', null],
    ['identity', null],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate;q=1, gzip;q=0.5', 'deflate'],
    ['gzip;q=0, deflate', 'deflate'],
    ['gzip;q=0, deflate;q=0', null],
    ['*', 'gzip'],
    ['*;q=0.1, gzip;q=0', 'deflate'],
    ['*;q=0', null],
    ['gzip;q=0.5, identity', null],
    ['gzip, identity;q=0.5', 'gzip'],
    ['gzip;q=1.5', null],
    ['gzip;q=abc', null],
    ['gzip ; q=0.8 , deflate;q=0.9', 'deflate'],
    ['gzip;q=0.9, x-gzip;q=0.1, deflate;q=0.5', 'gzip'],
    ['x-gzip;q=0.9, deflate;q=0.5', 'gzip'],
    ['gzip, gzip;q=0', 'gzip'],
    ['deflate;q=0, deflate;q=0.4, gzip;q=0.3', 'deflate'],
  ] as const)('%j → %s', (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
  });
});

describe('encodeForClient', () => {
  const big = Buffer.from(JSON.stringify({ data: 'x'.repeat(5000) }));

  it('compresses a body worth it, once for as long as the body lives', () => {
    const first = encodeForClient(big, 'gzip');
    expect(first.headers).toEqual({ vary: 'accept-encoding', 'content-encoding': 'gzip' });
    expect(gunzipSync(first.body).equals(big)).toBe(true);
    expect(first.body.length).toBeLessThan(big.length / 10);
    expect(compressBody(big, 'gzip')).toBe(first.body);
    // Another body with the same bytes is its own entry: the key is the buffer, not its content.
    expect(compressBody(Buffer.from(big), 'gzip')).not.toBe(first.body);
  });

  it('sends a small body as it is, still marked as varying', () => {
    const small = Buffer.from('{"data":[]}');
    expect(encodeForClient(small, 'gzip')).toEqual({ body: small, headers: { vary: 'accept-encoding' } });
  });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const serveBev = useServedBev();

async function served() {
  const bev = await serveBev(['read_vehicle_info', 'read_battery', 'read_charge']);
  const auth = { authorization: `Bearer ${bev.token}`, 'sc-user-id': bev.userId };
  // `?via=hono` steps off the direct path onto the full pipeline (direct-reads.ts takes no query).
  const get = (suffix: string, headers: Record<string, string> = {}) =>
    rawGet(`${bev.url}/v3/vehicles/${bev.vehicleId}${suffix}`, { ...auth, ...headers });
  return { ...bev, get };
}

describe('the signal list over HTTP', () => {
  for (const [path, suffix] of [
    ['the direct path', '/signals'],
    ['the full pipeline', '/signals?via=hono'],
  ] as const) {
    it(`on ${path}: gzip or deflate when asked, the same JSON as the plain body`, async () => {
      const s = await served();
      const plain = await s.get(suffix);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('accept-encoding');
      // The JSON is valid and passes the contract.
      await parseSignalList(new Response(plain.body.toString()));

      const gzipped = await s.get(suffix, { 'accept-encoding': 'gzip, deflate' });
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toBe('accept-encoding');
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
      expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);

      const deflated = await s.get(suffix, { 'accept-encoding': 'gzip;q=0, deflate' });
      expect(deflated.headers['content-encoding']).toBe('deflate');
      expect(inflateSync(deflated.body).equals(plain.body)).toBe(true);

      const refused = await s.get(suffix, { 'accept-encoding': 'br;q=1, identity;q=0.5' });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body.equals(plain.body)).toBe(true);
    });
  }

  it('leaves the small vehicle read and an error as they are', async () => {
    const s = await served();
    const vehicle = await s.get('', { 'accept-encoding': 'gzip' });
    expect(vehicle.status).toBe(200);
    expect(vehicle.headers['content-encoding']).toBeUndefined();
    const missing = await rawGet(`${s.url}/v3/vehicles/nope/signals`, {
      authorization: `Bearer ${s.token}`,
      'sc-user-id': s.userId,
      'accept-encoding': 'gzip',
    });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.body.toString()).errors[0].code).toBeDefined();
  });

  it('is decoded by fetch, which asks for gzip by itself', async () => {
    const s = await served();
    const res = await fetch(`${s.url}/v3/vehicles/${s.vehicleId}/signals`, {
      headers: { authorization: `Bearer ${s.token}`, 'sc-user-id': s.userId },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const list = await parseSignalList(res);
    expect(list.data.length).toBeGreaterThan(50);
  });
});

describe('the signal list in-process', () => {
  it('is compressed for a caller that asks, and plain for one that does not', async () => {
    const bev = await connectedBev(['read_battery']);
    const plain = await bev.get('/signals');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainBytes = Buffer.from(await plain.arrayBuffer());
    const gzipped = await bev.get('/signals', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).equals(plainBytes)).toBe(true);
  });
});
