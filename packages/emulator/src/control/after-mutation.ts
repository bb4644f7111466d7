import type { MiddlewareHandler } from 'hono';
import type { EmulatorEnv } from '../http/env.js';
import type { Logger } from '../logger.js';
import type { WebhookService } from '../webhooks/webhook-service.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After every request that may change state (commands, control actions,
 * Connect's Allow, deletions): look for webhook triggers, then tell
 * persistence. Failures here are logged and never reach the response.
 */
export function afterMutation(
  webhooks: Pick<WebhookService, 'checkTriggers'>,
  onChange: () => void,
  logger: Logger,
): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    await next();
    if (READS.has(c.req.method)) return;
    try {
      webhooks.checkTriggers();
    } catch (err) {
      logger.error({ err, path: c.req.routePath }, 'trigger check after a request failed');
    }
    onChange();
  };
}
