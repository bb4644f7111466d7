import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorEnv } from '../http/env.js';
import { MAX_CLOCK_SPEED } from '../simulation/clock.js';
import { asValidation, readControlBody } from './control-json.js';
import type { EmulatorRuntime } from './runtime.js';

/** One week: a bigger single jump is more likely a unit mistake (seconds vs ms) than intent. */
export const MAX_ADVANCE_MS = 7 * 24 * 3600 * 1000;

const clockAction = z.union([
  z.object({ action: z.literal('freeze') }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
  z.object({ action: z.literal('advance'), ms: z.number().int().min(0).max(MAX_ADVANCE_MS) }).strict(),
  z.object({ speed: z.number().positive().max(MAX_CLOCK_SPEED) }).strict(),
]);
export type ClockAction = z.infer<typeof clockAction>;

/** Applies a clock action; an advance runs the work that falls due on the way. */
export async function applyClockAction(runtime: EmulatorRuntime, action: ClockAction): Promise<void> {
  const { clock } = runtime;
  if ('speed' in action) clock.setSpeed(action.speed);
  else if (action.action === 'freeze') clock.freeze();
  else if (action.action === 'resume') clock.resume();
  else await runtime.advanceClock(action.ms);
  runtime.changed();
}

/** `GET /_emulator/clock` and `POST /_emulator/clock`. */
export function clockRoutes(runtime: EmulatorRuntime): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const view = () => {
    const state = runtime.clock.state();
    return { ...state, iso: new Date(state.now).toISOString() };
  };
  app.get('/_emulator/clock', (c) => c.json(view()));
  app.post('/_emulator/clock', async (c) => {
    const action = await readControlBody(c, clockAction);
    await applyClockAction(runtime, action).catch(asValidation);
    return c.json(view());
  });
  return app;
}
