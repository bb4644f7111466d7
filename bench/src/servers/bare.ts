import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveQuestions } from '../child.js';

// The baseline: the least a Node HTTP server can do to answer a small JSON body.
const body = JSON.stringify({ data: { id: 'baseline', type: 'vehicle', attributes: { make: 'TESLA' } } });
// `/bytes/<n>`: a JSON body of n bytes, made once; the ceiling of any server
// that sends that much (a BEV's full signal list is about 60 KB).
// `/random/<n>`: n random bytes, as incompressible as a gzip body of that
// size and as costly for the load generator, which reads each body as text.
const sized = new Map<string, Buffer>();
const bodyOf = (url: string | undefined): string | Buffer => {
  const match = /^\/(bytes|random)\/(\d{1,7})$/.exec(url ?? '');
  if (!match) return body;
  const bytes = Math.max(16, Number(match[2]));
  const key = `${match[1]}/${bytes}`;
  let made = sized.get(key);
  if (!made) {
    made =
      match[1] === 'random'
        ? randomBytes(bytes)
        : Buffer.from(JSON.stringify({ data: 'x'.repeat(bytes - 11) }));
    sized.set(key, made);
  }
  return made;
};
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const answer = bodyOf(request.url);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(answer),
    });
    response.end(answer);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveQuestions({ url: `http://127.0.0.1:${port}` }, { rss: () => process.memoryUsage().rss });
});
