import type { Vehicle } from '@paddock/sdk';
import { Layout, type Viewer } from '../../../http/layout.js';

const POWERTRAIN_WORDS: Record<string, string> = {
  BEV: 'Battery electric (BEV)',
  PHEV: 'Plug-in hybrid (PHEV)',
  HEV: 'Hybrid (HEV)',
  ICE: 'Combustion engine (ICE)',
};

/** The guide's vehicle page: one row per connected vehicle. */
export function VehiclesPage({
  vehicles,
  viewer,
}: {
  vehicles: readonly Vehicle[];
  viewer?: Viewer | undefined;
}) {
  return (
    <Layout title="Your vehicles" viewer={viewer}>
      <h1>Your vehicles</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Vehicle ID</th>
            <th scope="col">Make</th>
            <th scope="col">Model</th>
            <th scope="col">Year</th>
            <th scope="col">Powertrain</th>
          </tr>
        </thead>
        <tbody>
          {vehicles.map((v) => (
            <tr>
              <td class="mono">{v.id}</td>
              <td>{v.make}</td>
              <td>{v.model}</td>
              <td>{v.year}</td>
              <td>
                {v.powertrainType ? (POWERTRAIN_WORDS[v.powertrainType] ?? v.powertrainType) : 'Unknown'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/login">Connect another vehicle</a>
      </p>
    </Layout>
  );
}

/** Nothing connected yet (or every connection was removed). */
export function NoVehiclesPage({ viewer }: { viewer?: Viewer | undefined }) {
  return (
    <Layout title="No vehicle connected" viewer={viewer}>
      <h1>No vehicle connected</h1>
      <p>You have not connected a vehicle yet, or its connection was removed.</p>
      <p>
        <a class="button" href="/login">
          Connect your vehicle
        </a>
      </p>
    </Layout>
  );
}
