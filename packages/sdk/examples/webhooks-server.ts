import { createServer, type IncomingMessage } from 'node:http';
import { type SmartcarClient, type WebhookEvent, WebhookSignatureError } from '@paddock/sdk';

/** `smartcar` needs `managementToken` (or SMARTCAR_MANAGEMENT_TOKEN with `fromEnv()`). */
export function webhookServer(smartcar: SmartcarClient, store: (event: WebhookEvent) => Promise<void>) {
  return createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/webhooks/smartcar') return void res.writeHead(404).end();
    const raw = await readBody(req, 1_000_000); // the exact bytes Smartcar signed
    if (raw === undefined) return void res.writeHead(413).end();
    const signature = req.headers['sc-signature'];
    try {
      const event = smartcar.webhooks.unwrap(raw, typeof signature === 'string' ? signature : undefined);
      if (event.type === 'VERIFY') {
        const answer = smartcar.webhooks.answerChallenge(event.challenge);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      }
      await store(event); // durably, deduplicated on event.eventId; then acknowledge
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(error instanceof WebhookSignatureError ? 401 : 400).end();
    }
  });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
