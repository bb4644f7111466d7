import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorEnv } from '../http/env.js';
import { asValidation, readControlBody } from './control-json.js';
import type { EmulatorRuntime } from './runtime.js';

/** `GET`/`PUT /_emulator/state` (export, import) and `POST /_emulator/reset`. */
export function stateRoutes(runtime: EmulatorRuntime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.get('/_emulator/state', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(runtime.exportState());
  });
  app.put('/_emulator/state', async (c) => {
    const state = await readControlBody(c, z.unknown());
    try {
      runtime.importState(state);
    } catch (err) {
      asValidation(err);
    }
    return c.json({ imported: true, clock: runtime.clock.state() });
  });
  app.post('/_emulator/reset', async (c) => {
    await readControlBody(c, z.object({}).strict());
    runtime.reset();
    return c.json({ reset: true });
  });
  return app;
}
