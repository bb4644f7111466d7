/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h, pure } from '../../http/jsx.js';

const WORDS: Readonly<Record<string, string>> = {
  BEV: 'Battery electric',
  PHEV: 'Plug-in hybrid',
  HEV: 'Hybrid',
  ICE: 'Combustion engine',
};
const COLOURS: Readonly<Record<string, string>> = {
  BEV: '#0b6bcb',
  PHEV: '#0f766e',
  HEV: '#65a30d',
  ICE: '#6b7280',
};

/** A powertrain code in words, e.g. `BEV` → `Battery electric (BEV)`. */
export function powertrainWords(powertrain: string | null | undefined): string {
  if (!powertrain) return 'Unknown powertrain';
  const words = WORDS[powertrain];
  return words ? `${words} (${powertrain})` : powertrain;
}

/**
 * A photo-free picture of the vehicle: a side silhouette in the powertrain's
 * colour with its sign (a bolt, a plug and drop, a leaf, a drop). Drawn once
 * per powertrain and width.
 */
export const PowertrainBadge = pure(
  drawBadge,
  ({ powertrain, width }) => `${typeof powertrain}:${powertrain}|${width}`,
);

function drawBadge({ powertrain, width = 96 }: { powertrain: string | null | undefined; width?: number }) {
  const code = powertrain ?? '';
  const colour = COLOURS[code] ?? '#6b7280';
  return (
    <svg
      class="silhouette"
      width={width}
      height={Math.round(width / 2)}
      viewBox="0 0 96 48"
      role="img"
      aria-label={powertrainWords(powertrain)}
    >
      <path
        d="M6 34 C6 28 9 26 16 25 L28 16 C31 14 34 13 38 13 H58 C63 13 67 15 71 19 L77 25 C85 26 90 28 90 33 V36 H6 Z"
        fill={colour}
        opacity="0.9"
      />
      <path
        d="M31 24 L39 17 H52 V24 Z M56 24 V17 H60 C63 17 65 18 68 21 L71 24 Z"
        fill="#fff"
        opacity="0.75"
      />
      <circle cx="24" cy="36" r="7" fill="#1f2937" stroke="#fff" stroke-width="2" />
      <circle cx="72" cy="36" r="7" fill="#1f2937" stroke="#fff" stroke-width="2" />
      <circle cx="84" cy="10" r="9" fill="#fff" stroke={colour} stroke-width="2" />
      {code === 'BEV' ? <path d="M86 3 L79 11 H84 L82 17 L89 9 H84 Z" fill={colour} /> : null}
      {code === 'PHEV' ? (
        <>
          <path
            d="M80 6 V9 M84 6 V9 M78 9 H86 V11 C86 13 84 14 82 14 C80 14 78 13 78 11 Z"
            stroke={colour}
            fill="none"
            stroke-width="1.5"
          />
          <path d="M88 7 C88 7 86 10 86 11.5 A2 2 0 0 0 90 11.5 C90 10 88 7 88 7 Z" fill={colour} />
        </>
      ) : null}
      {code === 'HEV' ? (
        <path
          d="M79 15 C79 7 85 4 90 4 C90 10 87 15 79 15 Z M79 15 L86 8"
          fill={colour}
          stroke="#fff"
          stroke-width="0.8"
        />
      ) : null}
      {code === 'ICE' ? (
        <path d="M84 3 C84 3 79 10 79 12.5 A5 5 0 0 0 89 12.5 C89 10 84 3 84 3 Z" fill={colour} />
      ) : null}
      {!(code in WORDS) ? (
        <text x="84" y="14" font-size="11" text-anchor="middle" fill={colour}>
          ?
        </text>
      ) : null}
    </svg>
  );
}
