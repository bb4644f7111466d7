/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h, pure } from '../../../http/jsx.js';
import { LevelGauge } from '../../pictures/level-gauge.js';
import { formatAge, formatSignalBody, formatSignalProblem } from '../../signals/signal-format.js';
import { signalLabel } from '../../signals/signal-labels.js';
import type { StoredSignal } from '../../signals/signal-values.js';

/** The element id of a vehicle's summary, which live updates replace. */
export const summaryId = (vehicleId: string) => `summary-${vehicleId}`;

const PLUG_IN = new Set(['BEV', 'PHEV']);
const FUEL_ONLY = new Set(['ICE', 'HEV']);

/** The number a `{ value }` body holds, if any. */
export function numericValue(signal: StoredSignal | undefined): number | null {
  if (signal?.status !== 'SUCCESS') return null;
  const value = (signal.body as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Which level the gauge shows: the traction battery for plug-ins, the tank otherwise. */
export function gaugeSignal(
  powertrain: string | null | undefined,
  byCode: ReadonlyMap<string, StoredSignal>,
): { kind: 'battery' | 'fuel'; signal: StoredSignal | undefined } {
  const battery = byCode.get('tractionbattery-stateofcharge');
  const fuel = byCode.get('internalcombustionengine-fuellevel');
  if (powertrain && PLUG_IN.has(powertrain)) return { kind: 'battery', signal: battery };
  if (powertrain && FUEL_ONLY.has(powertrain)) return { kind: 'fuel', signal: fuel };
  return battery?.status === 'SUCCESS' || fuel?.status !== 'SUCCESS'
    ? { kind: 'battery', signal: battery }
    : { kind: 'fuel', signal: fuel };
}

const FACTS = [
  ['tractionbattery-range', 'internalcombustionengine-range'],
  ['charge-ischargingcableconnected'],
  ['charge-detailedchargingstatus', 'charge-ischarging'],
  ['closure-islocked'],
  ['odometer-traveleddistance'],
] as const;

/** Every signal the summary reads: the dashboard loads only these. */
export const SUMMARY_CODES: readonly string[] = [
  'tractionbattery-stateofcharge',
  'internalcombustionengine-fuellevel',
  'charge-ischarging',
  ...FACTS.flat(),
];

export interface VehicleSummaryProps {
  readonly vehicleId: string;
  readonly powertrain: string | null | undefined;
  readonly signals: readonly StoredSignal[];
  /** Epoch ms, for the ages. */
  readonly now: number;
}

/**
 * The glance view of a vehicle: its battery or fuel gauge and the few
 * facts people check (range, plug, charging, locks, odometer), each with
 * its age. Replaced in place when a webhook brings new values.
 */
export function VehicleSummary({ vehicleId, powertrain, signals, now }: VehicleSummaryProps) {
  const byCode = new Map(signals.map((s) => [s.code, s]));
  const gauge = gaugeSignal(powertrain, byCode);
  const isCharging = byCode.get('charge-ischarging');
  const charging =
    isCharging?.status === 'SUCCESS' && (isCharging.body as { value?: unknown } | undefined)?.value === true;
  // Per fact, the freshest candidate with a value (webhooks bring some codes
  // more often than others: "charging" is a trigger, the detailed status is
  // not), else one in ERROR; a fact the vehicle cannot have (UNAVAILABLE) is
  // left to the full signal list.
  const facts = FACTS.flatMap((codes) => {
    const candidates = codes.map((c) => byCode.get(c)).filter((s) => s !== undefined);
    const withValue = candidates
      .filter((s) => s.status === 'SUCCESS')
      .sort((a, b) => b.oemUpdatedAt - a.oemUpdatedAt)[0];
    const found = withValue ?? candidates.find((s) => s.status === 'ERROR');
    return found ? [found] : [];
  });
  return (
    <div
      id={summaryId(vehicleId)}
      class="summary"
      data-updated={String(Math.max(0, ...signals.map((s) => s.receivedAt)))}
    >
      <div class="summary-gauge">
        <LevelGauge percent={numericValue(gauge.signal)} kind={gauge.kind} charging={charging} />
        <span class="muted small">
          {gauge.signal
            ? `${signalLabel(gauge.signal.code)} · ${formatAge(gauge.signal.oemUpdatedAt, now)}`
            : 'No reading yet'}
        </span>
      </div>
      {facts.length === 0 ? (
        <p class="muted">No signals stored yet.</p>
      ) : (
        <dl class="facts">
          {facts.map((s) =>
            s.status === 'SUCCESS' ? (
              <Fact
                code={s.code}
                value={formatSignalBody(s.code, s.body)}
                age={formatAge(s.oemUpdatedAt, now)}
              />
            ) : (
              <Fact
                code={s.code}
                problem={formatSignalProblem(s.status, s.error)}
                age={formatAge(s.oemUpdatedAt, now)}
              />
            ),
          )}
        </dl>
      )}
    </div>
  );
}

interface FactProps {
  readonly code: string;
  /** The value in words, when the fact has one. */
  readonly value?: string;
  /** Why there is no value, when the fact has none. */
  readonly problem?: string;
  /** How old it is, in words. */
  readonly age: string;
}

/**
 * One fact of the summary: its label, its value (or why there is none) and
 * its age. Drawn once per distinct text: the same facts come back on every
 * view until a value changes or a minute passes.
 */
const Fact = pure(
  ({ code, value, problem, age }: FactProps) => (
    <div data-code={code}>
      <dt>{signalLabel(code)}</dt>
      <dd>
        {problem === undefined ? value : <span class="problem">{problem}</span>}{' '}
        <span class="age">{age}</span>
      </dd>
    </div>
  ),
  ({ code, value, problem, age }) =>
    `${code}\u0000${problem === undefined ? `=${value}` : `!${problem}`}\u0000${age}`,
);
