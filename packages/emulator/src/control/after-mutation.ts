import type { Context, MiddlewareHandler, Next } from 'hono';
import type { EmulatorEnv } from '../http/env.js';
import type { Logger } from '../logger.js';
import type { WebhookService } from '../webhooks/webhook-service.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Where vehicles get connected: Connect's pages, its API twin, imports and scenarios. */
const CONNECTING = /^\/(?:oauth\/|_emulator\/)/;

/**
 * After every request that may change state (commands, control actions,
 * Connect's Allow, deletions): auto-subscribe new connections, look for
 * webhook triggers, then tell persistence. A token request changes no
 * vehicle, so it only counts for persistence. Failures here are logged and
 * never reach the response.
 */
export function afterMutation(
  webhooks: Pick<WebhookService, 'checkTriggers' | 'autoSubscribe'>,
  onChange: () => void,
  logger: Logger,
): MiddlewareHandler<EmulatorEnv> {
  const after = async (c: Context<EmulatorEnv>, next: Next) => {
    await next();
    try {
      if (CONNECTING.test(c.req.path)) webhooks.autoSubscribe();
      if (c.req.path !== '/oauth2/token') webhooks.checkTriggers();
    } catch (err) {
      logger.error({ err, path: c.req.routePath }, 'trigger check after a request failed');
    }
    onChange();
  };
  // Reads change nothing: straight on, without an extra await.
  return (c, next) => (READS.has(c.req.method) ? next() : after(c, next));
}
