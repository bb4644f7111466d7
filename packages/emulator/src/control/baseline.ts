import type { ApplicationSeed } from './applications.js';

/**
 * What the embedding code registered through the `Emulator` object
 * (applications, the development webhook): a reset empties the state and
 * registers these again, with the same application ids, so the code that
 * embeds the emulator keeps working.
 */
export interface Baseline {
  applications: ApplicationSeed[];
  webhooks: unknown[];
}

export function createBaseline(): Baseline {
  return { applications: [], webhooks: [] };
}
