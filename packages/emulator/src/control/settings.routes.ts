import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorEnv } from '../http/env.js';
import type { RateLimiter } from '../http/rate-limits.js';
import { MAX_SIGNAL_REFRESH_MS, type SignalStoreControl } from '../simulation/signal-store.js';
import { type CommandSettings, MAX_COMMAND_DELAY_MS } from '../vehicle-api/commands-settings.js';
import { readControlBody } from './control-json.js';

const millis = z.number().int().min(0).max(MAX_COMMAND_DELAY_MS);
const commandsSchema = z
  .object({ delayMs: millis.optional(), longRunningAfterMs: millis.optional() })
  .strict();

const bucketSchema = z
  .object({
    capacity: z.number().int().min(1).max(1_000_000),
    refillPerMinute: z.number().min(0).max(1_000_000),
  })
  .strict();
const rateLimitsSchema = z
  .object({
    enabled: z.boolean().optional(),
    application: bucketSchema.optional(),
    vehicle: bucketSchema.optional(),
  })
  .strict();

const signalsSchema = z
  .object({ refreshMs: z.number().int().min(0).max(MAX_SIGNAL_REFRESH_MS).optional() })
  .strict();

/**
 * Emulator behaviour switches: `GET`/`PUT /_emulator/settings/commands`
 * (`{ delayMs, longRunningAfterMs }`, real milliseconds) and
 * `GET`/`PUT /_emulator/settings/rate-limits` (`{ enabled, application, vehicle }`,
 * buckets on the emulator clock) and `GET`/`PUT /_emulator/settings/signals`
 * (`{ refreshMs }`, emulator-clock milliseconds a poll of the signal store
 * stays current). A PUT changes only the fields it sends and
 * answers the whole resulting setting.
 */
export function settingsRoutes(deps: {
  commandSettings: CommandSettings;
  rateLimits: RateLimiter;
  signalStore: SignalStoreControl;
}): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.get('/_emulator/settings/commands', (c) => c.json(deps.commandSettings.get()));
  app.put('/_emulator/settings/commands', async (c) => {
    const body = await readControlBody(c, commandsSchema);
    return c.json(deps.commandSettings.set(body));
  });

  app.get('/_emulator/settings/rate-limits', (c) => c.json(deps.rateLimits.config()));
  app.put('/_emulator/settings/rate-limits', async (c) => {
    const body = await readControlBody(c, rateLimitsSchema);
    return c.json(deps.rateLimits.configure(body));
  });

  app.get('/_emulator/settings/signals', (c) => c.json(deps.signalStore.get()));
  app.put('/_emulator/settings/signals', async (c) => {
    const body = await readControlBody(c, signalsSchema);
    return c.json(deps.signalStore.set(body));
  });

  return app;
}
