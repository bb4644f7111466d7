import type { WebhookInput } from './registration.js';

/** Triggers of the development webhook: what the getting-started app shows and reacts to. */
export const DEVELOPMENT_WEBHOOK_TRIGGERS = [
  'tractionbattery-stateofcharge',
  'charge-ischarging',
  'charge-ischargingcableconnected',
  'closure-islocked',
] as const;

/** Data signals sent with every delivery of the development webhook. */
export const DEVELOPMENT_WEBHOOK_DATA = ['tractionbattery-range', 'odometer-traveleddistance'] as const;

/**
 * The webhook a development application gets (for `Emulator.registerWebhook`):
 * the triggers and data above, auto-subscribing every vehicle connected after it.
 * @param clientId the application's client id (or use `applicationId`).
 * @param callbackUri e.g. `http://localhost:8000/webhooks/smartcar`.
 */
export function developmentWebhook(clientId: string, callbackUri: string): WebhookInput {
  return {
    clientId,
    name: 'Development webhook',
    callbackUri,
    triggers: [...DEVELOPMENT_WEBHOOK_TRIGGERS],
    data: [...DEVELOPMENT_WEBHOOK_DATA],
    autoSubscribe: true,
  };
}
