/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { type Html, h, pure } from '../../../http/jsx.js';
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

/** A fact of the summary: its value in words, or why it has none, and when it was true. */
interface SummaryFact {
  readonly code: string;
  readonly value?: string;
  readonly problem?: string;
  readonly at: number;
}

/** What a summary shows of a list of signals, but the ages (which move with the clock). */
interface SummaryView {
  readonly vehicleId: string;
  readonly powertrain: string | null | undefined;
  readonly gauge: {
    readonly kind: 'battery' | 'fuel';
    readonly percent: number | null;
    readonly charging: boolean;
    /** The gauge signal's label and when it was true, if there is one. */
    readonly reading: { readonly label: string; readonly at: number } | undefined;
  };
  readonly facts: readonly SummaryFact[];
  readonly updated: string;
  /** The summary's HTML by its ages (joined), for the few ages a list is seen with. */
  readonly drawn: Map<string, Html>;
}

// Summaries by the signal list they show. The dashboard hands the same
// (frozen) list to every view until the vehicle's values change (see
// card-values.ts), so only the ages are worked out per view.
const views = new WeakMap<readonly StoredSignal[], SummaryView>();
// Distinct ages a view keeps HTML for: ages move once a minute at most.
const DRAWN_KEPT = 8;

function summaryView(
  vehicleId: string,
  powertrain: string | null | undefined,
  signals: readonly StoredSignal[],
): SummaryView {
  const byCode = new Map(signals.map((s) => [s.code, s]));
  const gauge = gaugeSignal(powertrain, byCode);
  const isCharging = byCode.get('charge-ischarging');
  const charging =
    isCharging?.status === 'SUCCESS' && (isCharging.body as { value?: unknown } | undefined)?.value === true;
  // Per fact, the freshest candidate with a value (webhooks bring some codes
  // more often than others: "charging" is a trigger, the detailed status is
  // not), else one in ERROR; a fact the vehicle cannot have (UNAVAILABLE) is
  // left to the full signal list.
  const facts = FACTS.flatMap((codes): SummaryFact[] => {
    const candidates = codes.map((c) => byCode.get(c)).filter((s) => s !== undefined);
    const withValue = candidates
      .filter((s) => s.status === 'SUCCESS')
      .sort((a, b) => b.oemUpdatedAt - a.oemUpdatedAt)[0];
    const found = withValue ?? candidates.find((s) => s.status === 'ERROR');
    if (!found) return [];
    return found.status === 'SUCCESS'
      ? [{ code: found.code, value: formatSignalBody(found.code, found.body), at: found.oemUpdatedAt }]
      : [
          {
            code: found.code,
            problem: formatSignalProblem(found.status, found.error),
            at: found.oemUpdatedAt,
          },
        ];
  });
  return {
    vehicleId,
    powertrain,
    gauge: {
      kind: gauge.kind,
      percent: numericValue(gauge.signal),
      charging,
      reading: gauge.signal && { label: signalLabel(gauge.signal.code), at: gauge.signal.oemUpdatedAt },
    },
    facts,
    updated: String(Math.max(0, ...signals.map((s) => s.receivedAt))),
    drawn: new Map(),
  };
}

/**
 * The glance view of a vehicle: its battery or fuel gauge and the few
 * facts people check (range, plug, charging, locks, odometer), each with
 * its age. Replaced in place when a webhook brings new values. Worked out
 * once per signal list, and drawn once per list and distinct ages.
 */
export function VehicleSummary({ vehicleId, powertrain, signals, now }: VehicleSummaryProps): Html {
  let view = views.get(signals);
  if (view === undefined || view.vehicleId !== vehicleId || view.powertrain !== powertrain) {
    view = summaryView(vehicleId, powertrain, signals);
    views.set(signals, view);
  }
  const readingAge = view.gauge.reading && formatAge(view.gauge.reading.at, now);
  const ages = view.facts.map((f) => formatAge(f.at, now));
  const key = `${readingAge}\u0000${ages.join('\u0000')}`;
  let html = view.drawn.get(key);
  if (html === undefined) {
    html = drawSummary(view, readingAge, ages);
    if (view.drawn.size >= DRAWN_KEPT) view.drawn.clear();
    view.drawn.set(key, html);
  }
  return html;
}

function drawSummary(view: SummaryView, readingAge: string | undefined, ages: readonly string[]): Html {
  const { gauge } = view;
  return (
    <div id={summaryId(view.vehicleId)} class="summary" data-updated={view.updated}>
      <div class="summary-gauge">
        <LevelGauge percent={gauge.percent} kind={gauge.kind} charging={gauge.charging} />
        <span class="muted small">
          {gauge.reading ? `${gauge.reading.label} · ${readingAge}` : 'No reading yet'}
        </span>
      </div>
      {view.facts.length === 0 ? (
        <p class="muted">No signals stored yet.</p>
      ) : (
        <dl class="facts">
          {view.facts.map((f, i) => (
            <Fact code={f.code} value={f.value} problem={f.problem} age={ages[i] ?? ''} />
          ))}
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
