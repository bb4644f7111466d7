/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { ErrorPage } from '../../../http/error-page.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { Fragment, h } from '../../../http/jsx.js';
import { Layout } from '../../../http/layout.js';
import type { UpstreamProblem } from '../../vehicles/smartcar-error-message.js';
import type { ExchangeQuery } from '../connect.service.js';
import type { ConnectErrorInfo } from '../connect-errors.js';

// Smartcar's description is shown as a detail; a long one is cut, not rendered whole.
const MAX_DESCRIPTION = 300;

export interface ConnectErrorPageProps {
  readonly info: ConnectErrorInfo;
  readonly description: string | undefined;
  readonly vehicle: ExchangeQuery['vehicle'];
}

/** Connect came back with `error=…`: say what happened, store nothing, offer a retry. */
export function ConnectErrorPage({ info, description, vehicle }: ConnectErrorPageProps) {
  const named = [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ');
  return (
    <Layout title={info.title}>
      <h1>{info.title}</h1>
      <p class="notice">{info.message}</p>
      {named || vehicle.vin ? (
        <p>
          Vehicle: {named || 'unknown model'}
          {vehicle.vin ? (
            <>
              {' '}
              (VIN <span class="mono">{vehicle.vin}</span>)
            </>
          ) : null}
        </p>
      ) : null}
      {description ? <p class="muted">Smartcar said: {description.slice(0, MAX_DESCRIPTION)}</p> : null}
      <p>
        <a href="/login">Try again</a>
      </p>
    </Layout>
  );
}

const STATE_MESSAGES = {
  'no-session':
    'This browser is not signed in to Paddock, so the answer from Smartcar cannot be trusted. Sign in, then start again.',
  missing:
    'The answer from Smartcar did not carry the check value Paddock sent, so it was ignored. Start again.',
  unknown:
    'The answer from Smartcar does not belong to a connection started in this browser, so it was ignored. Start again.',
  expired: 'This connection attempt took longer than 10 minutes and has expired. Start again.',
  reused: 'This connection attempt was already completed. Start again to connect another vehicle.',
} as const;

/** The `state` was missing, forged, foreign, expired or reused: nothing was stored. */
export function StateErrorPage({ reason }: { reason: keyof typeof STATE_MESSAGES }) {
  return (
    <ErrorPage
      title="This link cannot be used"
      message={STATE_MESSAGES[reason]}
      action={{ href: '/login', label: 'Start again from the login page' }}
    />
  );
}

/** Connect's redirect lacked a usable `user_id`. */
export function InvalidUserIdPage() {
  return (
    <ErrorPage
      title="Connection incomplete"
      message="Smartcar's answer did not include a valid user id, so nothing was stored. Start again."
      action={{ href: '/login', label: 'Start again from the login page' }}
    />
  );
}

/** The `user_id` in the redirect was not connected from this account (forged, or copied from someone else). */
export function NotThisAccountPage() {
  return (
    <ErrorPage
      title="Connection not confirmed"
      message="Smartcar has no connection made from your Paddock account for the user in this link, so nothing was stored. Start again from the login page and connect through Smartcar."
      action={{ href: '/login', label: 'Start again from the login page' }}
    />
  );
}

/** The Smartcar user is already linked to another Paddock account. */
export function LinkedElsewherePage() {
  return (
    <ErrorPage
      title="Already connected to another account"
      message="This Smartcar account is already connected to another Paddock account, so it was not added to this one. Sign in to that account, or delete its data there first."
      action={{ href: '/vehicle', label: 'Back to your vehicles' }}
    />
  );
}

/** Smartcar could not be asked whose connection it is. */
export function UnconfirmedPage({ problem }: { problem: UpstreamProblem }) {
  return (
    <ErrorPage
      title="Connection not confirmed"
      message={`Paddock could not confirm the connection with Smartcar, so nothing was stored: ${problem.message} Start again from the login page.`}
      requestId={problem.requestId}
      requestIdLabel="Smartcar request id"
      action={{ href: '/login', label: 'Start again from the login page' }}
    />
  );
}
