import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Emulator } from './emulator.js';

/** Options of `startEmulator`. */
export interface StartEmulatorOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to bind; default `127.0.0.1` (the emulator is a local tool). */
  host?: string;
  emulator: Emulator;
  /**
   * Real-time period, ms, of the ticker that runs due work (webhook retries,
   * trigger checks as vehicles evolve); default 1000, 0 turns it off.
   */
  tickMs?: number;
}

/** Serves an emulator over HTTP; resolves once listening, with its base URL and a `close()`. */
export function startEmulator(opts: StartEmulatorOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const { emulator } = opts;
    const viaApp = getRequestListener(emulator.app.fetch, { hostname: host });
    const server = createServer((request, response) => {
      if (!emulator.serveDirect(request, response)) void viaApp(request, response);
    });
    server.once('error', reject);
    server.listen(opts.port, host);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const tickMs = opts.tickMs ?? 1000;
      const ticker =
        tickMs > 0
          ? setInterval(() => {
              opts.emulator.runtime.tick().catch(() => {
                // Failures are logged where they happen; the next tick tries again.
              });
            }, tickMs).unref()
          : undefined;
      // Loopback and wildcard binds are shown as localhost: the name people type,
      // and the one registered redirect URIs use.
      const local = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host);
      const shown = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            clearInterval(ticker);
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive sockets would otherwise hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
