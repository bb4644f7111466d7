import type { FC } from 'hono/jsx';
import { Layout } from './layout.js';

/** A Connect error that cannot, or must not, be sent back to the application. */
export const ErrorPage: FC<{ title: string; message: string }> = ({ title, message }) => (
  <Layout title={title}>
    <h1>{title}</h1>
    <p class="error" role="alert">
      {message}
    </p>
    <p>Go back to the application and start again.</p>
  </Layout>
);
