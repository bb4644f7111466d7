/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { CSRF_FIELD } from '../../../http/csrf.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h } from '../../../http/jsx.js';
import { Layout, type Viewer } from '../../../http/layout.js';
import { CommandLog } from '../../commands/views/command-log.js';
import { CommandPanel } from '../../commands/views/command-panel.js';
import type { Flash } from '../../flash/flash.repository.js';
import { FlashMessages } from '../../flash/flash-messages.js';
import { PowertrainBadge, powertrainWords } from '../../pictures/powertrain-badge.js';
import { formatAge } from '../../signals/signal-format.js';
import { VehicleProblems } from '../../vehicle-errors/views/vehicle-problems.js';
import type { VehicleDetail } from '../dashboard.service.js';
import { SignalSections } from './signal-sections.js';
import { VehiclePictures } from './vehicle-pictures.js';
import { VehicleSummary } from './vehicle-summary.js';
import { vehiclePath } from './vehicles.page.js';

const PLUG_IN = new Set(['BEV', 'PHEV']);

/** The name a vehicle goes by on its pages, e.g. `2022 TESLA Model 3`. */
export function vehicleName(row: { year: number | null; make: string | null; model: string | null }): string {
  return [row.year, row.make, row.model].filter((p) => p !== null && p !== '').join(' ') || 'Your vehicle';
}

/** One vehicle: summary, commands and their log, pictures, every signal by group. Updated live. */
export function VehiclePage({
  detail,
  viewer,
  csrfToken,
  flashes,
  now,
}: {
  detail: VehicleDetail;
  viewer: Viewer | undefined;
  csrfToken: string;
  flashes: readonly Flash[];
  now: number;
}) {
  const { row, signals } = detail;
  const id = row.vehicle_id;
  const vin = signals.find((s) => s.code === 'vehicleidentification-vin' && s.status === 'SUCCESS');
  const limit = signals.find((s) => s.code === 'charge-chargelimits' && s.status === 'SUCCESS');
  const activeLimit = (limit?.body as { activeLimit?: unknown } | undefined)?.activeLimit;
  const plugIn =
    PLUG_IN.has(row.powertrain ?? '') ||
    signals.some((s) => s.code === 'tractionbattery-stateofcharge' && s.status === 'SUCCESS');
  return (
    <Layout
      title={vehicleName(row)}
      viewer={viewer}
      scripts={['/assets/live.js']}
      stylesheets={['/assets/dashboard.css']}
    >
      <p class="small">
        <a href="/vehicle">← All vehicles</a>
      </p>
      <div class="vehicle-head">
        <PowertrainBadge powertrain={row.powertrain} width={120} />
        <div>
          <h1>{vehicleName(row)}</h1>
          <p class="muted">
            {powertrainWords(row.powertrain)}
            {vin ? (
              <>
                {' '}
                · VIN <span class="mono">{String((vin.body as { value?: unknown }).value ?? '')}</span>
              </>
            ) : null}
          </p>
        </div>
      </div>
      <FlashMessages flashes={flashes} />
      {detail.problem ? (
        <p class="notice">
          Could not refresh from Smartcar: {detail.problem.message}{' '}
          {detail.problem.reconnect ? <a href="/login">Connect your vehicle again</a> : null}
          {detail.problem.requestId ? (
            <span class="muted small"> (Smartcar request {detail.problem.requestId})</span>
          ) : null}
        </p>
      ) : null}
      <VehicleProblems vehicleId={id} problems={detail.problems} now={now} />
      <p class="live-status muted small" data-live-src={`${vehiclePath(id)}/events`} aria-live="polite">
        <LiveUpdatesNote subscription={detail.subscription} />
      </p>
      <VehicleSummary vehicleId={id} powertrain={row.powertrain} signals={signals} now={now} />

      <h2>Commands</h2>
      <CommandPanel
        vehicleId={id}
        csrfToken={csrfToken}
        plugIn={plugIn}
        chargeLimit={typeof activeLimit === 'number' ? activeLimit : undefined}
      />
      <h3>Command log</h3>
      <CommandLog vehicleId={id} entries={detail.commands} now={now} />

      <h2>Where and how it has been</h2>
      <VehiclePictures
        vehicleId={id}
        levelKind={detail.levelKind}
        level={detail.level}
        odometer={detail.odometer}
        odometerUnit={detail.odometerUnit}
        track={detail.track}
      />

      <h2>Signals</h2>
      <form method="post" action={`${vehiclePath(id)}/refresh`} class="inline-form">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <button type="submit" class="link-button">
          Read every signal again now
        </button>
        <span class="muted small">
          {signals.length > 0
            ? `Last received ${formatAge(Math.max(...signals.map((s) => s.receivedAt)), now)}`
            : ''}
        </span>
      </form>
      <SignalSections vehicleId={id} signals={signals} now={now} />

      <h2>Disconnect</h2>
      <p>
        <a href={`${vehiclePath(id)}/disconnect`}>Disconnect this vehicle from Paddock</a>
      </p>
    </Layout>
  );
}

function LiveUpdatesNote({ subscription }: { subscription: VehicleDetail['subscription'] }) {
  if (subscription === undefined)
    return <>Live updates are not configured for this app; reload to see new values.</>;
  if (subscription === 'NONE') return <>Values update as the vehicle reports changes.</>;
  if (subscription.status === 'SUBSCRIBED')
    return <>Live updates are on: values change here as the vehicle reports them.</>;
  return (
    <>
      Live updates are off for this vehicle: {subscription.message ?? 'subscribing failed'}. Reload to see new
      values.
    </>
  );
}
