import type { ConnectMode } from '@paddock/contract';
import type { FC } from 'hono/jsx';
import { CsrfField, FormError, Layout } from './layout.js';

export interface LoginPageProps {
  action: string;
  csrf: string;
  brandName?: string;
  mode: ConnectMode;
  email?: string;
  error?: string;
}

const MAGIC_LOGINS = [
  ['<n>-vehicles@smartcar.com', 'an account with n vehicles (1 to 999)'],
  ['<VIN>@bev.smartcar.com', 'one electric vehicle with that VIN (also phev, fuel, compatible)'],
  ['<VIN>@incompatible.smartcar.com', 'an incompatible vehicle'],
  ['smartcar@vehicle-incompatible.com', 'Connect ends with vehicle_incompatible'],
  ['smartcar@invalid-subscription.com', 'Connect ends with invalid_subscription'],
  ['smartcar@successful-request.com', 'the vehicle with VIN 0SCAUDI037A5ADB1C'],
] as const;

/** Step 2: the connected-services login. */
export const LoginPage: FC<LoginPageProps> = ({ action, csrf, brandName, mode, email, error }) => (
  <Layout title="Sign in">
    <h1>{brandName ? `Sign in to ${brandName}` : 'Sign in to your vehicle account'}</h1>
    {mode === 'live' ? (
      <p>This is an emulator: any email and password are accepted and nothing leaves this machine.</p>
    ) : (
      <details>
        <summary>Simulated mode: any email and password work. Special emails:</summary>
        <ul>
          {MAGIC_LOGINS.map(([login, effect]) => (
            <li>
              <code>{login}</code>: {effect}
            </li>
          ))}
        </ul>
      </details>
    )}
    <FormError message={error} />
    <form method="post" action={action}>
      <CsrfField token={csrf} />
      <label class="field" for="email">
        Email
      </label>
      <input id="email" type="email" name="email" autocomplete="username" value={email ?? ''} />
      <label class="field" for="password">
        Password
      </label>
      <input id="password" type="password" name="password" autocomplete="current-password" />
      <div class="actions">
        <button type="submit" class="primary">
          Continue
        </button>
      </div>
    </form>
  </Layout>
);
