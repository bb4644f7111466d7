/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { formatAge, formatSignalBody, formatSignalProblem } from '../../signals/signal-format.js';
import { signalLabel } from '../../signals/signal-labels.js';
import { groupBySection } from '../../signals/signal-sections.js';
import type { StoredSignal } from '../../signals/signal-values.js';

/** The element id of a vehicle's signal list, which live updates replace. */
export const signalsId = (vehicleId: string) => `signals-${vehicleId}`;

/**
 * Every stored signal of a vehicle, under the headings of the catalogue's
 * groups, in words and units with each value's age. Signals in ERROR or
 * UNAVAILABLE are listed with the reason, not left out.
 */
export function SignalSections({
  vehicleId,
  signals,
  now,
}: {
  vehicleId: string;
  signals: readonly StoredSignal[];
  now: number;
}) {
  const sections = groupBySection(signals);
  return (
    <div id={signalsId(vehicleId)} class="signal-sections">
      {sections.length === 0 ? <p class="muted">No signals stored yet.</p> : null}
      {sections.map(({ section, items }) => (
        <section class="signal-section" aria-labelledby={`h-${section.id}`}>
          <h3 id={`h-${section.id}`}>{section.title}</h3>
          {items.every((s) => s.status === 'UNAVAILABLE') ? (
            // A whole group the vehicle cannot have (charging on a petrol car): one line, still shown.
            <p class="problem" data-status="UNAVAILABLE">
              Not available on this vehicle: {items.map((s) => signalLabel(s.code)).join(', ')}.
            </p>
          ) : (
            <table class="signals">
              <tbody>
                {items.map((s) => (
                  <tr data-code={s.code} data-status={s.status}>
                    <th scope="row">{signalLabel(s.code)}</th>
                    <td>
                      {s.status === 'SUCCESS' ? (
                        formatSignalBody(s.code, s.body)
                      ) : (
                        <span class="problem">
                          {s.status === 'UNAVAILABLE' ? 'Unavailable: ' : 'Error: '}
                          {formatSignalProblem(s.status, s.error)}
                        </span>
                      )}
                    </td>
                    <td class="age">{formatAge(s.oemUpdatedAt, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
