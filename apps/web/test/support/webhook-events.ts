import { signWebhookForTest } from '@paddock/sdk';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/http/context.js';

export const WEBHOOK_PATH = 'http://localhost:8000/webhooks/smartcar';

/** A `VEHICLE_STATE` body carrying one state-of-charge value, in the Dashboard's shape. */
export function stateOfChargeEvent(options: {
  eventId: string;
  vehicleId: string;
  percent: number;
  at: number;
}): string {
  return JSON.stringify({
    eventId: options.eventId,
    eventType: 'VEHICLE_STATE',
    data: {
      user: { id: 'user-1' },
      vehicle: { id: options.vehicleId, make: 'TESLA', model: 'Model 3', year: 2024, powertrainType: 'BEV' },
      signals: [
        {
          code: 'tractionbattery-stateofcharge',
          name: 'StateOfCharge',
          group: 'TractionBattery',
          body: { value: options.percent, unit: 'percent' },
          status: { value: 'SUCCESS' },
          meta: { oemUpdatedAt: options.at, retrievedAt: options.at + 1000 },
        },
      ],
    },
    triggers: [
      {
        type: 'SIGNAL_UPDATED',
        signal: { name: 'StateOfCharge', code: 'tractionbattery-stateofcharge', group: 'TractionBattery' },
      },
    ],
    meta: {
      version: '4.0',
      deliveryId: `d-${options.eventId}`,
      deliveredAt: options.at + 2000,
      mode: 'TEST',
    },
  });
}

/** Posts a body to the app's webhook endpoint, signed with `token` (or with the given headers as they are). */
export function deliver(
  app: Hono<AppEnv>,
  body: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<Response> {
  const signed =
    token === undefined
      ? { headers: { 'content-type': 'application/json' } }
      : signWebhookForTest(body, token);
  return Promise.resolve(
    app.request(WEBHOOK_PATH, { method: 'POST', headers: { ...signed.headers, ...headers }, body }),
  );
}
