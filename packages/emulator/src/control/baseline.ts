import type { ApplicationRecord } from '../store/records.js';
import type { Store } from '../store/repositories.js';
import type { WebhookService } from '../webhooks/webhook-service.js';

/**
 * What the embedding code registered through the `Emulator` object
 * (applications, the development webhook): a reset empties the state and
 * registers these again, with the same ids and credentials, so the code
 * that embeds the emulator keeps working.
 */
export interface Baseline {
  keepApplication(id: string): void;
  keepWebhook(input: unknown): void;
  /** Every application now stored joins the baseline (after a state file was loaded). */
  keepCurrentApplications(): void;
  replay(): void;
}

export function createBaseline(deps: { store: Store; webhooks: Pick<WebhookService, 'register'> }): Baseline {
  const applications = new Map<string, ApplicationRecord>();
  const webhooks: unknown[] = [];
  const keep = (record: ApplicationRecord | undefined) => {
    if (record) applications.set(record.id, record);
  };
  return {
    keepApplication: (id) => keep(deps.store.applications.findById(id)),
    keepWebhook: (input) => webhooks.push(input),
    keepCurrentApplications() {
      for (const record of deps.store.applications.dump()) keep(record);
    },
    replay() {
      for (const record of applications.values()) deps.store.applications.insert(record);
      for (const input of webhooks) {
        try {
          deps.webhooks.register(input);
        } catch {
          // Its application is no longer part of the baseline: nothing to attach it to.
        }
      }
    },
  };
}
