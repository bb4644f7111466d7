import type { Emulator } from '../emulator.js';
import type { ApplicationSeed } from './applications.js';

/**
 * Starts an emulator from a saved state. The configured application, when
 * there is one, replaces the stored application with the same client id
 * under the same id, so its connections, webhooks and events carry over
 * while the secrets are the configured ones. Every application in the file
 * survives `reset()`. Throws a TypeError when `saved` is not a state export.
 */
export function restoreState(emulator: Emulator, saved: unknown, configured?: ApplicationSeed): void {
  let keptId: string | undefined;
  let state = saved;
  const tables = (saved as { tables?: { applications?: unknown } } | null)?.tables;
  if (configured && Array.isArray(tables?.applications)) {
    const apps = tables.applications as { id?: unknown; clientId?: unknown }[];
    const match = apps.find((a) => a?.clientId === configured.clientId);
    if (match && typeof match.id === 'string') keptId = match.id;
    state = {
      ...(saved as object),
      tables: { ...tables, applications: apps.filter((a) => a !== match) },
    };
  }
  emulator.runtime.importState(state);
  if (configured) emulator.registerApplication({ ...configured, ...(keptId ? { id: keptId } : {}) });
  emulator.runtime.keepApplicationsOnReset();
}
