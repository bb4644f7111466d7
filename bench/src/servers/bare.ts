import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveQuestions } from '../child.js';

// The baseline: the least a Node HTTP server can do to answer a small JSON body.
const body = JSON.stringify({ data: { id: 'baseline', type: 'vehicle', attributes: { make: 'TESLA' } } });
// `/bytes/<n>`: a JSON body of n bytes, made once; the ceiling of any server
// that sends that much (a BEV's full signal list is about 60 KB).
const sized = new Map<number, Buffer>();
const bodyOf = (url: string | undefined): string | Buffer => {
  const n = /^\/bytes\/(\d{1,7})$/.exec(url ?? '')?.[1];
  if (n === undefined) return body;
  const bytes = Math.max(16, Number(n));
  let made = sized.get(bytes);
  if (!made) {
    made = Buffer.from(JSON.stringify({ data: 'x'.repeat(bytes - 11) }));
    sized.set(bytes, made);
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
