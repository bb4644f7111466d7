import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the server received it, body bytes included. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: ReceivedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Resolves once every accepted connection has closed. */
  allClosed(): Promise<void>;
  /** Resolves with the next request as soon as its body has arrived. */
  nextRequest(): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

export type LocalHandler = (req: ReceivedRequest, res: ServerResponse) => void;

/**
 * A real `node:http` server on 127.0.0.1 and a free port, for the node
 * transport's tests: records every request and counts connections.
 */
export async function startLocalServer(handler: LocalHandler): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let waiting: ((req: ReceivedRequest) => void)[] = [];
  let onAllClosed: (() => void) | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      const wake = waiting;
      waiting = [];
      for (const resolve of wake) resolve(request);
      handler(request, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) onAllClosed?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    allClosed: () =>
      sockets.size === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            onAllClosed = resolve;
          }),
    nextRequest: () => new Promise<ReceivedRequest>((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
