/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { HistoryChart } from '../../pictures/history-chart.js';
import { TrackMap } from '../../pictures/track-map.js';
import type { HistoryPoint, TrackPoint } from '../../signals/signals.service.js';

/** The element id of a vehicle's pictures, which live updates replace. */
export const picturesId = (vehicleId: string) => `pictures-${vehicleId}`;

export interface VehiclePicturesProps {
  readonly vehicleId: string;
  /** `battery` charts the state of charge, `fuel` the fuel level. */
  readonly levelKind: 'battery' | 'fuel';
  readonly level: readonly HistoryPoint[];
  readonly odometer: readonly HistoryPoint[];
  /** The unit of the odometer values as stored (km unless imperial was asked for). */
  readonly odometerUnit: string;
  readonly track: readonly TrackPoint[];
}

/** Where the vehicle is and has been, and its level and odometer over time: all drawn on the server. */
export function VehiclePictures({
  vehicleId,
  levelKind,
  level,
  odometer,
  odometerUnit,
  track,
}: VehiclePicturesProps) {
  return (
    <div id={picturesId(vehicleId)} class="pictures">
      <figure class="map">
        <figcaption>Position and recent track</figcaption>
        <TrackMap points={track} />
      </figure>
      <HistoryChart
        title={levelKind === 'battery' ? 'State of charge' : 'Fuel level'}
        points={level}
        unit="%"
        range={[0, 100]}
        colour="#16a34a"
      />
      <HistoryChart title="Odometer" points={odometer} unit={odometerUnit} colour="#7c3aed" />
    </div>
  );
}
