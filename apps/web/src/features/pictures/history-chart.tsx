/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h } from '../../http/jsx.js';
import { formatNumber } from '../signals/signal-format.js';
import { clockTime, linear, niceTicks } from './scale.js';

export interface HistoryChartProps {
  readonly title: string;
  /** Oldest first; `at` in epoch ms. */
  readonly points: readonly { readonly at: number; readonly value: number }[];
  /** Unit shown after axis values, e.g. `%`, `km`. */
  readonly unit: string;
  /** Fixed value axis (e.g. 0–100 for percentages); otherwise fitted to the data. */
  readonly range?: readonly [number, number];
  readonly colour?: string;
  readonly width?: number;
  readonly height?: number;
}

const LEFT = 52;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 26;

/**
 * A line chart of a stored history, server-drawn: value axis with round
 * ticks, time axis in UTC, a dot on the newest value. Says so when there is
 * not enough history to draw a line.
 */
export function HistoryChart({
  title,
  points,
  unit,
  range,
  colour = '#0b6bcb',
  width = 360,
  height = 160,
}: HistoryChartProps) {
  if (points.length === 0) {
    return (
      <figure class="chart">
        <figcaption>{title}</figcaption>
        <p class="muted">No history stored yet.</p>
      </figure>
    );
  }
  const values = points.map((p) => p.value);
  const v = range ? niceTicks(range[0], range[1], 4) : niceTicks(Math.min(...values), Math.max(...values), 4);
  const t0 = points[0]!.at;
  const t1 = Math.max(points[points.length - 1]!.at, t0 + 60_000);
  const x = linear(t0, t1, LEFT, width - RIGHT);
  const y = linear(v.min, v.max, height - BOTTOM, TOP);
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)} ${y(p.value).toFixed(1)}`)
    .join(' ');
  const last = points[points.length - 1]!;
  const timeTicks = [t0, (t0 + t1) / 2, t1];
  const label = `${title}: ${points.length} value${points.length === 1 ? '' : 's'} from ${clockTime(t0)} to ${clockTime(last.at)} UTC, latest ${formatNumber(last.value)} ${unit}`;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
        <title>{label}</title>
        {v.ticks.map((tick) => (
          <>
            <line
              x1={LEFT}
              x2={width - RIGHT}
              y1={y(tick).toFixed(1)}
              y2={y(tick).toFixed(1)}
              stroke="#8884"
            />
            <text
              x={LEFT - 6}
              y={(y(tick) + 4).toFixed(1)}
              font-size="10"
              text-anchor="end"
              fill="currentColor"
            >
              {`${formatNumber(tick, 0)} ${unit}`}
            </text>
          </>
        ))}
        {timeTicks.map((t, i) => (
          <text
            x={x(t).toFixed(1)}
            y={height - 8}
            font-size="10"
            text-anchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}
            fill="currentColor"
          >
            {`${clockTime(t)}${i === 2 ? ' UTC' : ''}`}
          </text>
        ))}
        <path d={line} fill="none" stroke={colour} stroke-width="2.5" stroke-linejoin="round" />
        <circle cx={x(last.at).toFixed(1)} cy={y(last.value).toFixed(1)} r="4" fill={colour} />
      </svg>
    </figure>
  );
}
