import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  failedDelivery,
  MAX_WEBHOOK_BYTES,
  WEBHOOK_PATH,
  type WebhookAnswer,
  type WebhookReceiver,
} from '../features/webhooks/webhooks.routes.js';
import type { AppLogger } from '../logger.js';
import type { RandomBytes } from '../security/tokens.js';
import { readNodeBody } from './raw-body.js';
import { logRequest, newRequestId, RequestLogger } from './request-context.js';
import { securityHeaderValues } from './security-headers.js';

export interface DirectWebhooksDeps {
  readonly receiver: WebhookReceiver;
  readonly logger: AppLogger;
  readonly random: RandomBytes;
  readonly clock: { now(): number };
  readonly connectOrigin: string;
}

/**
 * Webhook deliveries straight from Node's listener, ahead of Hono: a
 * delivery is a machine posting JSON, and Hono's request and response
 * objects, its headers and the page middlewares (session, CSRF, form limit)
 * were most of its CPU time, more than storing it. The answer is the Hono
 * route's (the same receiver; tests compare the two), with the same
 * security headers, request id and request log line. Returns false, leaving
 * the request to Hono, for anything but a plain `POST /webhooks/smartcar`
 * with webhooks configured.
 */
export function createDirectWebhooks({ receiver, logger, random, clock, connectOrigin }: DirectWebhooksDeps) {
  const security = securityHeaderValues(connectOrigin);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || req.url !== WEBHOOK_PATH || !receiver.configured) return false;
    const requestId = newRequestId(random);
    const log = new RequestLogger(logger, requestId);
    const started = clock.now();
    const signature = req.headers['sc-signature'];
    void readNodeBody(req, MAX_WEBHOOK_BYTES)
      .then((raw) => receiver.receive(raw, typeof signature === 'string' ? signature : undefined, log))
      .catch((error: unknown) => failedDelivery(error, requestId, log))
      .then((answer) => {
        send(res, answer, security);
        logRequest(
          logger,
          { requestId, method: 'POST', path: WEBHOOK_PATH, status: answer.status, started },
          clock,
        );
      });
    return true;
  };
}

function send(res: ServerResponse, answer: WebhookAnswer, security: Readonly<Record<string, string>>): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...security,
  });
  res.end(body);
}
