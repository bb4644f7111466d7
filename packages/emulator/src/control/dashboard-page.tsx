import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import type { ClockState } from '../simulation/clock.js';
import type { ApplicationRecord, ConnectionRecord, VehicleRecord } from '../store/records.js';
import type { WebhookEventRecord, WebhookRecord } from '../store/webhook-records.js';

const STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2433; }
  main { max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; }
  section { background: #fff; border-radius: 10px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin: 1rem 0; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #e3e5ea; vertical-align: top; }
  form.inline { display: inline; margin: 0 .15rem 0 0; }
  button { font: inherit; font-size: .85rem; padding: .25rem .6rem; border-radius: 5px; border: 1px solid #99a; background: #fff; cursor: pointer; }
  button.danger { border-color: #b33; color: #b33; }
  .notice { background: #e9f7ee; border: 1px solid #9cd3ad; padding: .5rem .75rem; border-radius: 6px; }
  .error { background: #fdecec; border: 1px solid #f3b6b6; padding: .5rem .75rem; border-radius: 6px; }
  .muted { color: #667; font-size: .85rem; }
  .ok { color: #16733a; } .bad { color: #a11; } .wait { color: #8a6d00; }
  code { background: #eef; padding: 0 .2rem; }
`;

/** Everything the dashboard shows, gathered by the route. */
export interface DashboardModel {
  csrfToken: string;
  notice?: { kind: 'notice' | 'error'; text: string };
  clock: ClockState;
  applications: {
    app: ApplicationRecord;
    webhooks: WebhookRecord[];
    connections: { connection: ConnectionRecord; vehicle: VehicleRecord | undefined }[];
    connectionCount: number;
  }[];
  events: WebhookEventRecord[];
  eventCount: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A one-button POST form with the CSRF field: the dashboard has no scripts. */
const Action: FC<{
  action: string;
  token: string;
  label: string;
  fields?: Record<string, string>;
  danger?: boolean;
}> = (p) => (
  <form class="inline" method="post" action={p.action}>
    <input type="hidden" name="csrf_token" value={p.token} />
    {Object.entries(p.fields ?? {}).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <button type="submit" class={p.danger ? 'danger' : undefined}>
      {p.label}
    </button>
  </form>
);

const Section: FC<{ title: string; children?: Child }> = ({ title, children }) => (
  <section>
    <h2>{title}</h2>
    {children}
  </section>
);

const ClockSection: FC<{ m: DashboardModel }> = ({ m }) => {
  const clockAction = (label: string, fields: Record<string, string>) => (
    <Action action="/_emulator/dashboard/clock" token={m.csrfToken} label={label} fields={fields} />
  );
  return (
    <Section title="Clock">
      <p>
        <strong>{iso(m.clock.now)}</strong> · {m.clock.frozen ? 'frozen' : `running at ${m.clock.speed}×`}
      </p>
      <p>
        {m.clock.frozen
          ? clockAction('Resume', { action: 'resume' })
          : clockAction('Freeze', { action: 'freeze' })}
        {clockAction('+25 s', { action: 'advance', ms: '25000' })}
        {clockAction('+1 min', { action: 'advance', ms: '60000' })}
        {clockAction('+1 h', { action: 'advance', ms: '3600000' })}
        {clockAction('Speed 1×', { speed: '1' })}
        {clockAction('Speed 60×', { speed: '60' })}
        {clockAction('Speed 3600×', { speed: '3600' })}
      </p>
    </Section>
  );
};

const verification = (w: WebhookRecord) =>
  w.isEnabled ? (
    <span class="ok">enabled</span>
  ) : w.verification.state === 'FAILED' ? (
    <span class="bad" title={w.verification.detail}>
      verification failed
    </span>
  ) : (
    <span class="wait">awaiting VERIFY</span>
  );

const VEHICLE_ACTIONS: [string, string][] = [
  ['plug-in', 'Plug in'],
  ['unplug', 'Unplug'],
  ['start-trip', 'Start trip'],
  ['end-trip', 'End trip'],
  ['unreachable', 'Report unreachable'],
  ['reachable', 'Report reachable again'],
  ['login-expired', 'Report login expired'],
];

const ApplicationSection: FC<{ m: DashboardModel; entry: DashboardModel['applications'][number] }> = ({
  m,
  entry,
}) => (
  <Section title={`Application ${entry.app.name}`}>
    <p class="muted">
      client id <code>{entry.app.clientId}</code> · id <code>{entry.app.id}</code>
    </p>
    <h3>Webhooks</h3>
    {entry.webhooks.length === 0 ? (
      <p class="muted">None. Create one with POST /_emulator/webhooks.</p>
    ) : (
      <table>
        <tr>
          <th>Name</th>
          <th>Callback</th>
          <th>State</th>
          <th>Triggers</th>
          <th />
        </tr>
        {entry.webhooks.map((w) => (
          <tr>
            <td>{w.name}</td>
            <td>
              <code>{w.callbackUri}</code>
            </td>
            <td>{verification(w)}</td>
            <td class="muted">{w.triggers.join(', ')}</td>
            <td>
              <Action
                action={`/_emulator/dashboard/webhooks/${w.id}/verify`}
                token={m.csrfToken}
                label="Re-send VERIFY"
              />
              <a href={`/_emulator/webhooks/${w.id}/deliveries`}>deliveries</a>
            </td>
          </tr>
        ))}
      </table>
    )}
    <h3>Connected vehicles ({entry.connectionCount})</h3>
    <table>
      <tr>
        <th>Vehicle</th>
        <th>User</th>
        <th>Mode</th>
        <th />
      </tr>
      {entry.connections.map(({ connection, vehicle }) => (
        <tr>
          <td>
            {vehicle ? `${vehicle.year} ${vehicle.make} ${vehicle.model} (${vehicle.powertrainType})` : '?'}
            <br />
            <a class="muted" href={`/_emulator/vehicles/${connection.vehicleId}`}>
              {connection.vehicleId}
            </a>
          </td>
          <td class="muted">{connection.userId}</td>
          <td>{connection.mode}</td>
          <td>
            {VEHICLE_ACTIONS.map(([action, label]) => (
              <Action
                action={`/_emulator/dashboard/vehicles/${connection.vehicleId}/${action}`}
                token={m.csrfToken}
                label={label}
              />
            ))}
          </td>
        </tr>
      ))}
    </table>
    {entry.connectionCount > entry.connections.length ? (
      <p class="muted">
        Newest {entry.connections.length} shown; all:{' '}
        <a href="/_emulator/connections">/_emulator/connections</a>.
      </p>
    ) : null}
  </Section>
);

const OutboxSection: FC<{ m: DashboardModel }> = ({ m }) => (
  <Section title={`Webhook outbox (${m.eventCount})`}>
    <table>
      <tr>
        <th>Created</th>
        <th>Event</th>
        <th>State</th>
        <th>Attempts</th>
      </tr>
      {m.events.map((e) => (
        <tr>
          <td class="muted">{iso(e.createdAt)}</td>
          <td>
            {e.eventType}{' '}
            <a class="muted" href={`/_emulator/events/${e.eventId}`}>
              {e.eventId}
            </a>
          </td>
          <td class={e.state === 'delivered' ? 'ok' : e.state === 'dropped' ? 'bad' : 'wait'}>
            {e.state}
            {e.nextAttemptAt !== null ? ` (next ${iso(e.nextAttemptAt)})` : ''}
          </td>
          <td class="muted">
            {e.attempts.map((a) => `#${a.attempt} ${iso(a.startedAt)} → ${a.status ?? a.error}`).join(' · ')}
          </td>
        </tr>
      ))}
    </table>
    <p class="muted">
      All events: <a href="/_emulator/events">/_emulator/events</a>.
    </p>
  </Section>
);

/** The control dashboard: server-rendered, no scripts, every action a POST form with a CSRF token. */
export const DashboardPage: FC<{ m: DashboardModel }> = ({ m }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Paddock emulator · control</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <main>
          <h1>Paddock emulator of Smartcar API v3</h1>
          {m.notice ? (
            <p class={m.notice.kind} role="status">
              {m.notice.text}
            </p>
          ) : null}
          <ClockSection m={m} />
          {m.applications.map((entry) => (
            <ApplicationSection m={m} entry={entry} />
          ))}
          <OutboxSection m={m} />
          <Section title="State">
            <p>
              JSON: <a href="/_emulator/state">export</a> (PUT the same document to import) ·{' '}
              <a href="/_emulator/applications">applications</a> · <a href="/_emulator/users">users</a> ·{' '}
              <a href="/_emulator/connections">connections</a> · <a href="/_emulator/vehicles">vehicles</a> ·{' '}
              <a href="/_emulator/clock">clock</a>
            </p>
            <Action action="/_emulator/dashboard/reset" token={m.csrfToken} label="Reset everything" danger />
          </Section>
        </main>
      </body>
    </html>
  </>
);
