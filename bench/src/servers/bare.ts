import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveQuestions } from '../child.js';

// The baseline: the least a Node HTTP server can do to answer a small JSON body.
const body = JSON.stringify({ data: { id: 'baseline', type: 'vehicle', attributes: { make: 'TESLA' } } });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveQuestions({ url: `http://127.0.0.1:${port}` }, { rss: () => process.memoryUsage().rss });
});
