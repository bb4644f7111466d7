/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { CSRF_FIELD } from '../../../http/csrf.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { COMMANDS } from '../command-catalogue.js';

export interface CommandPanelProps {
  readonly vehicleId: string;
  readonly csrfToken: string;
  /** Plug-in vehicles also get the charging commands. */
  readonly plugIn: boolean;
  /** Pre-filled charge limit, in percent. */
  readonly chargeLimit?: number | undefined;
}

// The commands that take no parameters: one button each.
const SIMPLE = ['lock', 'unlock', 'start-charge', 'stop-charge'] as const;

/** The command forms: plain POST forms with the CSRF token, so they work without script. */
export function CommandPanel({ vehicleId, csrfToken, plugIn, chargeLimit }: CommandPanelProps) {
  const action = (name: string) => `/vehicles/${encodeURIComponent(vehicleId)}/commands/${name}`;
  const simple = SIMPLE.flatMap((name) => {
    const d = COMMANDS[name]!;
    return plugIn || !d.plugInOnly ? [[name, d] as const] : [];
  });
  return (
    <div class="commands">
      <div class="command-buttons">
        {simple.map(([name, d]) => (
          <form method="post" action={action(name)}>
            <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
            <button type="submit" class="button" data-command={name}>
              {d.label}
            </button>
          </form>
        ))}
      </div>
      {plugIn ? (
        <form method="post" action={action('set-charge-limit')} class="inline-form">
          <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
          <label>
            Charge limit (%)
            <input
              type="number"
              name="percent"
              min="50"
              max="100"
              step="1"
              required
              value={String(chargeLimit ?? 80)}
            />
          </label>
          <button type="submit" class="button secondary">
            Set charge limit
          </button>
        </form>
      ) : null}
      <form method="post" action={action('send-destination')} class="inline-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <label>
          Latitude
          <input type="number" name="latitude" min="-90" max="90" step="any" required placeholder="39.7392" />
        </label>
        <label>
          Longitude
          <input
            type="number"
            name="longitude"
            min="-180"
            max="180"
            step="any"
            required
            placeholder="-104.9903"
          />
        </label>
        <button type="submit" class="button secondary">
          Send destination
        </button>
      </form>
    </div>
  );
}
