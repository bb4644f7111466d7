/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { Layout, type Viewer } from '../../../http/layout.js';
import type { Flash } from '../../flash/flash.repository.js';
import { FlashMessages } from '../../flash/flash-messages.js';
import { PowertrainBadge, powertrainWords } from '../../pictures/powertrain-badge.js';
import { ProblemCount } from '../../vehicle-errors/views/vehicle-problems.js';
import type { DashboardVehicle } from '../dashboard.service.js';
import { VehicleSummary } from './vehicle-summary.js';

/** The path of a vehicle's page. */
export const vehiclePath = (vehicleId: string) => `/vehicles/${encodeURIComponent(vehicleId)}`;

// Parts of the dashboard that never change, made once.
const TABLE_HEAD = (
  <thead>
    <tr>
      <th scope="col">Vehicle ID</th>
      <th scope="col">Make</th>
      <th scope="col">Model</th>
      <th scope="col">Year</th>
      <th scope="col">Powertrain</th>
    </tr>
  </thead>
);
const ACTIONS = (
  <p class="actions">
    <a class="button" href="/login">
      Connect another vehicle
    </a>
    <a href="/account/delete">Delete everything Paddock holds for you</a>
  </p>
);

/**
 * The dashboard: a card per connected vehicle (its picture, name, gauge and
 * the facts people check, updated live), then the list of vehicle ids.
 */
export function VehiclesPage({
  vehicles,
  viewer,
  flashes = [],
  now,
}: {
  vehicles: readonly DashboardVehicle[];
  viewer?: Viewer | undefined;
  flashes?: readonly Flash[];
  now: number;
}) {
  return (
    <Layout
      title="Your vehicles"
      viewer={viewer}
      scripts={['/assets/live.js']}
      stylesheets={['/assets/dashboard.css']}
    >
      <h1>Your vehicles</h1>
      <FlashMessages flashes={flashes} />
      <p class="live-status muted small" data-live-src="/vehicle/events" aria-live="polite">
        Values update when your vehicles report changes.
      </p>
      <div class="cards">
        {vehicles.map(({ vehicle, signals, problem, reportedProblems }) => (
          <article class="card" data-vehicle-id={vehicle.id}>
            <a class="card-head" href={vehiclePath(vehicle.id)}>
              <PowertrainBadge powertrain={vehicle.powertrainType} />
              <span>
                <strong class="vehicle-name">{`${vehicle.year} ${vehicle.make} ${vehicle.model}`}</strong>
                <span class="muted small">{powertrainWords(vehicle.powertrainType)}</span>
              </span>
            </a>
            {problem ? <p class="notice small">Could not refresh: {problem.message}</p> : null}
            <ProblemCount vehicleId={vehicle.id} count={reportedProblems} href={vehiclePath(vehicle.id)} />
            <VehicleSummary
              vehicleId={vehicle.id}
              powertrain={vehicle.powertrainType}
              signals={signals}
              now={now}
            />
            <p>
              <a href={vehiclePath(vehicle.id)}>Details, commands and history</a>
            </p>
          </article>
        ))}
      </div>
      <h2>Connected vehicles</h2>
      <div class="table-scroll">
        <table>
          {TABLE_HEAD}
          <tbody>
            {vehicles.map(({ vehicle: v }) => (
              <tr>
                <td class="mono">{v.id}</td>
                <td>{v.make}</td>
                <td>{v.model}</td>
                <td>{v.year}</td>
                <td>{v.powertrainType ? powertrainWords(v.powertrainType) : 'Unknown'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ACTIONS}
    </Layout>
  );
}

/** Nothing connected yet (or every connection was removed). */
export function NoVehiclesPage({
  viewer,
  flashes = [],
}: {
  viewer?: Viewer | undefined;
  flashes?: readonly Flash[];
}) {
  return (
    <Layout title="No vehicle connected" viewer={viewer}>
      <h1>No vehicle connected</h1>
      <FlashMessages flashes={flashes} />
      <p>You have not connected a vehicle yet, or its connection was removed.</p>
      <p>
        <a class="button" href="/login">
          Connect your vehicle
        </a>
      </p>
    </Layout>
  );
}
