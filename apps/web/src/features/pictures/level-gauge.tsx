/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h, pure } from '../../http/jsx.js';
/** What a gauge shows: a traction battery or a fuel tank. */
export type GaugeKind = 'battery' | 'fuel';

export interface LevelGaugeProps {
  /** 0–100 (clamped); null when unknown. */
  readonly percent: number | null;
  readonly kind: GaugeKind;
  /** Draws a bolt over the battery. */
  readonly charging?: boolean;
  /** Width in CSS pixels (default 160); the height follows. */
  readonly width?: number;
}

/** Red below 20 %, amber below 50 %, green above: the colours of a dashboard warning light. */
export function levelColour(percent: number): string {
  return percent < 20 ? '#dc2626' : percent < 50 ? '#d97706' : '#16a34a';
}

/**
 * A battery (or fuel tank) drawn to its level, with the number beside it.
 * Server-rendered SVG; the `role="img"` label says the same in words.
 * Drawn once per level, kind, charging and width.
 */
export const LevelGauge = pure(
  drawGauge,
  ({ percent, kind, charging, width }) => `${percent}|${kind}|${charging}|${width}`,
);

function drawGauge({ percent, kind, charging = false, width = 160 }: LevelGaugeProps) {
  const level = percent === null ? null : Math.min(100, Math.max(0, percent));
  const label =
    level === null
      ? `${kind === 'battery' ? 'Battery' : 'Fuel'} level unknown`
      : `${kind === 'battery' ? 'Battery' : 'Fuel'} ${Math.round(level)} %${charging ? ', charging' : ''}`;
  const inner = 108; // width of the fill area, in viewBox units
  const fill = level === null ? 0 : (inner * level) / 100;
  return (
    <svg
      class="gauge"
      width={width}
      height={Math.round((width * 40) / 160)}
      viewBox="0 0 160 40"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {kind === 'battery' ? (
        <>
          <rect
            x="2"
            y="4"
            width="116"
            height="32"
            rx="6"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
          />
          <rect x="119" y="13" width="5" height="14" rx="2" fill="currentColor" />
        </>
      ) : (
        <>
          <rect
            x="2"
            y="4"
            width="116"
            height="32"
            rx="16"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
          />
          {/* Quarter marks, as on a fuel gauge; letters would sit under the fill. */}
          {[31, 60, 89].map((x) => (
            <line x1={x} x2={x} y1="31" y2="36" stroke="currentColor" stroke-width="1.5" opacity="0.6" />
          ))}
        </>
      )}
      {level === null ? null : (
        <rect
          class="gauge-fill"
          x="6"
          y="8"
          width={fill.toFixed(1)}
          height="24"
          rx={kind === 'battery' ? 3 : 12}
          fill={levelColour(level)}
        />
      )}
      {charging ? (
        <path d="M66 7 L52 22 H61 L56 33 L71 17 H62 Z" fill="#facc15" stroke="#713f12" stroke-width="1" />
      ) : null}
      <text x="130" y="26" font-size="13" font-weight="700" fill="currentColor">
        {level === null ? '—' : `${Math.round(level)}%`}
      </text>
    </svg>
  );
}
