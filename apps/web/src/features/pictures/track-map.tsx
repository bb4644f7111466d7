/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h } from '../../http/jsx.js';
import { formatCoordinates } from '../signals/signal-format.js';
import { distanceMetres, formatDistance, linear, niceStep } from './scale.js';

export interface TrackMapProps {
  /** Positions oldest first; the last is where the vehicle is. */
  readonly points: readonly { readonly latitude: number; readonly longitude: number }[];
  readonly width?: number;
  readonly height?: number;
}

const PAD = 24;
// A lone point (or a parked car) still gets a map about 600 m across.
const MIN_SPAN_DEG = 0.005;

/**
 * Where the vehicle is and where it went, drawn with no map tiles (so with
 * no network): the stored positions projected onto the box (equirectangular,
 * longitudes shrunk by cos(latitude) so distances look right), a grid every
 * round number of degrees, a north arrow and a scale bar.
 */
export function TrackMap({ points, width = 360, height = 240 }: TrackMapProps) {
  if (points.length === 0) {
    return <p class="muted">No position stored yet.</p>;
  }
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const shrink = Math.max(0.1, Math.cos((midLat * Math.PI) / 180));
  // Spans in "ground degrees" (longitude shrunk), grown to the box's shape.
  let latSpan = Math.max(Math.max(...lats) - Math.min(...lats), MIN_SPAN_DEG);
  let lonSpan = Math.max((Math.max(...lons) - Math.min(...lons)) * shrink, MIN_SPAN_DEG);
  const boxRatio = (width - 2 * PAD) / (height - 2 * PAD);
  if (lonSpan / latSpan < boxRatio) lonSpan = latSpan * boxRatio;
  else latSpan = lonSpan / boxRatio;
  latSpan *= 1.15;
  lonSpan *= 1.15;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const west = midLon - lonSpan / shrink / 2;
  const east = midLon + lonSpan / shrink / 2;
  const south = midLat - latSpan / 2;
  const north = midLat + latSpan / 2;
  const x = linear(west, east, PAD, width - PAD);
  const y = linear(south, north, height - PAD, PAD);

  const latStep = niceStep(latSpan / 4);
  const lonStep = niceStep(lonSpan / shrink / 4);
  const grid: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (let lat = Math.ceil(south / latStep) * latStep; lat <= north; lat += latStep)
    grid.push({ x1: PAD, y1: y(lat), x2: width - PAD, y2: y(lat) });
  for (let lon = Math.ceil(west / lonStep) * lonStep; lon <= east; lon += lonStep)
    grid.push({ x1: x(lon), y1: PAD, x2: x(lon), y2: height - PAD });

  // Scale bar: a round distance near a quarter of the map's width.
  const mapMetres = distanceMetres(midLat, west, midLat, east);
  const barMetres = niceStep(mapMetres / 4);
  const barPx = ((width - 2 * PAD) * barMetres) / mapMetres;

  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.longitude).toFixed(1)} ${y(p.latitude).toFixed(1)}`)
    .join(' ');
  const last = points[points.length - 1]!;
  const first = points[0]!;
  const label = `Map: the vehicle is at ${formatCoordinates(last.latitude, last.longitude)}; ${points.length} stored position${points.length === 1 ? '' : 's'}`;
  return (
    <svg
      class="track-map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <rect x="0" y="0" width={width} height={height} rx="8" fill="#8881" />
      {grid.map((g) => (
        <line
          x1={g.x1.toFixed(1)}
          y1={g.y1.toFixed(1)}
          x2={g.x2.toFixed(1)}
          y2={g.y2.toFixed(1)}
          stroke="#8884"
          stroke-width="1"
        />
      ))}
      {points.length > 1 ? (
        <>
          <path
            d={path}
            fill="none"
            stroke="#0b6bcb"
            stroke-width="3"
            stroke-linejoin="round"
            stroke-linecap="round"
            opacity="0.8"
          />
          <circle
            cx={x(first.longitude).toFixed(1)}
            cy={y(first.latitude).toFixed(1)}
            r="4"
            fill="#fff"
            stroke="#0b6bcb"
            stroke-width="2"
          />
        </>
      ) : null}
      <circle
        class="track-now"
        cx={x(last.longitude).toFixed(1)}
        cy={y(last.latitude).toFixed(1)}
        r="7"
        fill="#dc2626"
        stroke="#fff"
        stroke-width="2.5"
      />
      <g transform={`translate(${width - 18} 22)`}>
        <path d="M0 -12 L5 4 L0 1 L-5 4 Z" fill="currentColor" />
        <text x="0" y="15" font-size="10" text-anchor="middle" fill="currentColor">
          N
        </text>
      </g>
      <g transform={`translate(${PAD} ${height - 10})`}>
        <path d={`M0 -4 V0 H${barPx.toFixed(1)} V-4`} fill="none" stroke="currentColor" stroke-width="1.5" />
        <text x={(barPx + 6).toFixed(1)} y="0" font-size="10" fill="currentColor">
          {formatDistance(barMetres)}
        </text>
      </g>
    </svg>
  );
}
