import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';

/** Smartcar-hosted end of a `response_type=none` flow: nothing is sent back to the application. */
export const DonePage: FC<{ appName: string }> = ({ appName }) => (
  <Layout title="Vehicle connected">
    <h1>You're all set</h1>
    <p>{appName} now has access to your vehicle. You can close this window.</p>
  </Layout>
);
