import type { EmulatorDeps } from '../deps.js';
import type { VehicleSimulator } from '../simulation/vehicle-simulator.js';

/** The `fetch` used to deliver webhooks; tests pass one that records requests. */
export type WebhookFetch = (input: string, init: RequestInit) => Promise<Response>;

/** What the webhook machinery needs from the emulator. */
export interface WebhookDeps extends Pick<EmulatorDeps, 'store' | 'clock' | 'ids' | 'logger'> {
  fetch: WebhookFetch;
  simulator: Pick<VehicleSimulator, 'values' | 'signals' | 'state'>;
  /** Told after every change of webhooks, subscriptions or the outbox (persistence listens). */
  onChange(): void;
}

/** `User-Agent` of deliveries: Smartcar's product token, with the emulator named. */
export const WEBHOOK_USER_AGENT = 'Smartcar/4.0 (Paddock emulator)';
