import type { Permission } from '@paddock/contract';
import { startEmulator } from '../../src/index.js';
import { connectedBev } from './signals.js';

/**
 * For a test file whose tests each need a connected BEV served over a real
 * port: registers the clean-up (the server closes after each test) and
 * returns the function that connects one and serves it.
 */
export function useServedBev() {
  let server: Awaited<ReturnType<typeof startEmulator>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (permissions: Permission[]) => {
    const bev = await connectedBev(permissions);
    server = await startEmulator({ port: 0, emulator: bev.t.emulator, tickMs: 0 });
    return { ...bev, url: server.url };
  };
}
