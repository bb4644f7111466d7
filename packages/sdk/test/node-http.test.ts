import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { ConnectionError, SmartcarClient, TimeoutError } from '../src/index.js';
import { createNodeTransport, type NodeTransport } from '../src/transport/node-http.js';
import { CREDENTIALS, vehicleBody } from './fake-smartcar.js';
import { type LocalHandler, type LocalServer, startLocalServer } from './local-server.js';

/** The node transport against a real `node:http` server on a free port. */

let server: LocalServer | undefined;
let transport: NodeTransport;

beforeEach(() => {
  transport = createNodeTransport();
});
afterEach(async () => {
  transport.destroy();
  await server?.close();
  server = undefined;
});

async function serve(handler: LocalHandler): Promise<LocalServer> {
  server = await startLocalServer(handler);
  return server;
}

const get = (url: string, extra: { timeout?: number; signal?: AbortSignal } = {}) =>
  transport.send(
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    { timeout: 2_000, ...extra },
  );

/** Never answers; the test's transport or close() ends the connection. */
const silent: LocalHandler = () => {};

describe('node transport: responses', () => {
  test('status, body text split inside a character, multi-valued headers, url', async () => {
    const s = await serve((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('x-multi', ['one', 'two']);
      res.writeHead(201, { 'content-type': 'text/plain; charset=utf-8', 'sc-request-id': 'req-1' });
      const bytes = Buffer.from('Zoë ✓ done');
      res.write(bytes.subarray(0, 7)); // ends inside the three bytes of ✓
      setImmediate(() => res.end(bytes.subarray(7)));
    });
    const res = await transport.send(
      `${s.url}/v3/vehicles/v1?x=1`,
      { method: 'GET', headers: { accept: 'application/json', 'x-trace': 't1' } },
      { timeout: 2_000 },
    );
    expect(res.status).toBe(201);
    expect(res.text).toBe('Zoë ✓ done');
    expect(res.url).toBe(`${s.url}/v3/vehicles/v1?x=1`);
    expect(res.headers).toBeInstanceOf(Headers);
    expect(res.headers.get('sc-request-id')).toBe('req-1');
    expect(res.headers.get('x-multi')).toBe('one, two');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);

    const [req] = s.received;
    expect(req).toMatchObject({ method: 'GET', url: '/v3/vehicles/v1?x=1' });
    expect(req?.headers['x-trace']).toBe('t1');
    expect(req?.headers['accept-encoding']).toBe('gzip, deflate');
  });

  test('an error status resolves like any other', async () => {
    const s = await serve((_req, res) => res.writeHead(503, { 'retry-after': '2' }).end('{"errors":[]}'));
    const res = await get(s.url);
    expect(res).toMatchObject({ status: 503, text: '{"errors":[]}' });
    expect(res.headers.get('retry-after')).toBe('2');
  });

  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ])('a %s body is decoded', async (encoding, compress) => {
    const body = JSON.stringify({ data: { id: 'v1', name: 'Zoë' }, pad: 'x'.repeat(2_000) });
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      res.end(compress(body));
    });
    const res = await get(s.url);
    expect(res.text).toBe(body);
    expect(res.headers.get('content-encoding')).toBe(encoding);
  });

  test('a POST body arrives byte for byte, with its content-length', async () => {
    const s = await serve((_req, res) => res.writeHead(204).end());
    const body = JSON.stringify({ name: 'Zoë ✓', latitude: 48.8566 });
    const res = await transport.send(
      `${s.url}/v3/subscriptions`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      { timeout: 2_000 },
    );
    expect(res).toMatchObject({ status: 204, text: '' });
    const [req] = s.received;
    expect(req?.method).toBe('POST');
    expect(req?.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(req?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(req?.headers['transfer-encoding']).toBeUndefined();
    expect(req?.headers['content-type']).toBe('application/json');
  });

  test('a body streamed after the headers (a 202) is read to the end', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.write(' ');
      setTimeout(() => res.end('{"status":"SUCCESS"}'), 50);
    });
    const res = await get(s.url, { timeout: 1_000 });
    expect(res).toMatchObject({ status: 202, text: ' {"status":"SUCCESS"}' });
  });
});

describe('node transport: failures', () => {
  test('a server that never answers: TimeoutError after the timeout', async () => {
    const s = await serve(silent);
    const started = performance.now();
    const error = await get(s.url, { timeout: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('Request timed out after 100 ms');
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    // The request is given up: its connection is closed.
    await s.allClosed();
  });

  test('headers then a stalled body: TimeoutError, the body counts', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.write('{"status":');
    });
    const error = await get(s.url, { timeout: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await s.allClosed();
  });

  test('a signal aborted before the call: its reason, nothing sent', async () => {
    const s = await serve(silent);
    const reason = new Error('stop');
    const error = await get(s.url, { signal: AbortSignal.abort(reason) }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(s.connections()).toBe(0);
  });

  test('an abort while waiting for the answer: its reason, the connection closed', async () => {
    const s = await serve(silent);
    const controller = new AbortController();
    const reason = new Error('user left');
    const pending = get(s.url, { signal: controller.signal, timeout: 5_000 });
    await s.nextRequest();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await s.allClosed();
  });

  test('an abort while the body streams: its reason', async () => {
    let bodyStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      bodyStarted = resolve;
    });
    const s = await serve((_req, res) => {
      res.writeHead(202);
      res.write(' ', () => bodyStarted());
    });
    const controller = new AbortController();
    const pending = get(s.url, { signal: controller.signal, timeout: 5_000 });
    await started;
    await new Promise((resolve) => setTimeout(resolve, 20)); // the client reads the headers meanwhile
    controller.abort(new Error('enough'));
    await expect(pending).rejects.toThrow('enough');
    await s.allClosed();
  });

  test('connection refused: ConnectionError naming the origin', async () => {
    const s = await serve(silent);
    const url = s.url;
    await s.close();
    server = undefined;
    const error = await get(`${url}/v3/vehicles/v1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain(`Request to ${url} failed`);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  test('an https: URL speaks TLS (here to a server that does not)', async () => {
    const firstBytes: Buffer[] = [];
    const tcp = createTcpServer((socket) =>
      socket.once('data', (chunk: Buffer) => {
        firstBytes.push(chunk);
        socket.destroy();
      }),
    );
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const { port } = tcp.address() as AddressInfo;
    try {
      const error = await get(`https://127.0.0.1:${port}/v3/vehicles/v1`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toContain(`Request to https://127.0.0.1:${port} failed`);
      expect(firstBytes[0]?.[0]).toBe(0x16); // a TLS handshake record: the ClientHello
    } finally {
      await new Promise((resolve) => tcp.close(resolve));
    }
  });

  test('a connection dropped in the middle of the body: ConnectionError', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setImmediate(() => res.socket?.destroy());
    });
    const error = await get(s.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });
});

describe('node transport: keep-alive', () => {
  test('sequential calls reuse one socket', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end('{}'));
    for (let i = 0; i < 5; i++) expect((await get(s.url)).status).toBe(200);
    expect(s.received).toHaveLength(5);
    expect(s.connections()).toBe(1);
  });

  test('an idle socket is closed after idleSocketMs; a busy one is not cut by it', async () => {
    transport.destroy();
    transport = createNodeTransport({ idleSocketMs: 50 });
    const s = await serve((req, res) => {
      if (req.url !== '/slow') return void res.writeHead(200).end('{}');
      res.writeHead(200);
      res.write('{"slow":');
      setTimeout(() => res.end('true}'), 150); // three idle periods, mid-response
    });
    await get(s.url);
    expect((await get(`${s.url}/slow`)).text).toBe('{"slow":true}');
    expect(s.connections()).toBe(1);
    await s.allClosed(); // the idle timer closes it, the server does not
    await get(s.url);
    expect(s.connections()).toBe(2);
  });
});

describe('the client on its default transport', () => {
  const tokenAnd = (handler: LocalHandler): LocalHandler => {
    return (req, res) => {
      if (req.url === '/oauth2/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ access_token: 'tok', token_type: 'Bearer', expires_in: 3600 }));
      }
      handler(req, res);
    };
  };

  test('the token request is a form POST, then the call carries the token', async () => {
    const s = await serve(tokenAnd((_req, res) => res.writeHead(200).end(JSON.stringify(vehicleBody('v1')))));
    const client = new SmartcarClient({ ...CREDENTIALS, emulatorOrigin: s.url });
    await expect(client.vehicles.retrieve('v1')).resolves.toMatchObject({ id: 'v1', make: 'TESLA' });
    const [token, call] = s.received;
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(token?.body.toString()).get('client_id')).toBe(CREDENTIALS.clientId);
    expect(call?.headers.authorization).toBe('Bearer tok');
  });

  test('a caller abort mid-call is not retried', async () => {
    const s = await serve(tokenAnd(silent));
    const client = new SmartcarClient({ ...CREDENTIALS, emulatorOrigin: s.url, maxRetries: 2 });
    const controller = new AbortController();
    const reason = new Error('navigated away');
    const pending = client.vehicles.retrieve('v1', { signal: controller.signal });
    while (s.received.filter((r) => r.url.startsWith('/v3/')).length === 0) await s.nextRequest();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(s.received.filter((r) => r.url.startsWith('/v3/'))).toHaveLength(1);
  });
});
