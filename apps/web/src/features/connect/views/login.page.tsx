/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { PERMISSION_DESCRIPTIONS, type ScopeEntry } from '@paddock/contract';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { Layout, type Viewer } from '../../../http/layout.js';

export interface LoginPageProps {
  /** The Connect URL, with this browser's one-time state in it. */
  readonly connectUrl: string;
  readonly scope: readonly ScopeEntry[];
  readonly viewer?: Viewer | undefined;
}

/** The guide's home page: what will be asked, and the button to Smartcar Connect. */
export function LoginPage({ connectUrl, scope, viewer }: LoginPageProps) {
  return (
    <Layout title="Connect your vehicle" viewer={viewer}>
      <h1>Connect your vehicle</h1>
      <p>
        Paddock uses Smartcar Connect to reach your vehicle. You will sign in with your vehicle's
        connected-services account and choose what to share. Paddock will ask to:
      </p>
      <ul>
        {scope.map(({ permission, required }) => (
          <li>
            {PERMISSION_DESCRIPTIONS[permission]}
            {required ? <span class="muted"> (required)</span> : null}
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={connectUrl}>
          Connect your vehicle
        </a>
      </p>
    </Layout>
  );
}
