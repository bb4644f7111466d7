/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import type { CommandLogEntry } from '../../../db/tables.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { formatAge } from '../../signals/signal-format.js';
import { commandNamed } from '../command-catalogue.js';
import { COMMAND_DEADLINE_MS } from '../commands.service.js';

/** The element id of a vehicle's command log, which live updates replace. */
export const commandLogId = (vehicleId: string) => `commands-${vehicleId}`;

// A row still PENDING well after any command could have answered was cut off (the app restarted mid-call).
const ABANDONED_AFTER_MS = COMMAND_DEADLINE_MS + 60_000;

function parameters(entry: CommandLogEntry): Record<string, number> | undefined {
  if (entry.parameters === null) return undefined;
  try {
    return JSON.parse(entry.parameters) as Record<string, number>;
  } catch {
    return undefined;
  }
}

/** The newest commands sent to a vehicle from this account, and how each ended. */
export function CommandLog({
  vehicleId,
  entries,
  now,
}: {
  vehicleId: string;
  entries: readonly CommandLogEntry[];
  now: number;
}) {
  return (
    <div id={commandLogId(vehicleId)} class="command-log">
      {entries.length === 0 ? (
        <p class="muted">No commands sent yet.</p>
      ) : (
        <ol>
          {entries.map((e) => {
            const definition = commandNamed(e.command);
            const what = definition?.describe(parameters(e)) ?? e.command;
            const abandoned = e.status === 'PENDING' && now - e.created_at > ABANDONED_AFTER_MS;
            return (
              <li data-status={e.status} data-command={e.command}>
                <strong>{what}</strong> <span class="age">{formatAge(e.created_at, now)}</span>
                {' — '}
                {e.status === 'SUCCEEDED' ? <span class="ok">Done</span> : null}
                {e.status === 'PENDING' && !abandoned ? (
                  <span class="pending">Pending: waiting for the vehicle (reload to see the outcome)</span>
                ) : null}
                {abandoned ? <span class="problem">No answer was recorded</span> : null}
                {e.status === 'FAILED' ? (
                  <span class="problem">Failed: {e.error_message ?? 'no reason given'}</span>
                ) : null}
                {e.request_id ? <span class="muted small"> (Smartcar request {e.request_id})</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
