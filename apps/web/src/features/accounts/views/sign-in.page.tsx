/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { Layout } from '../../../http/layout.js';
import { CredentialsForm } from './credentials-form.js';

export interface SignInPageProps {
  readonly csrfToken: string;
  readonly email?: string;
  /** Set after a failed attempt; says nothing about which part was wrong. */
  readonly failed?: boolean;
}

/** Sign in with email and password; a link to sign up. */
export function SignInPage({ csrfToken, email, failed }: SignInPageProps) {
  return (
    <Layout title="Sign in">
      <h1>Sign in</h1>
      {failed ? <p class="notice problems">The email or password is incorrect.</p> : null}
      <CredentialsForm action="/signin" csrfToken={csrfToken} email={email} submitLabel="Sign in" />
      <p>
        New to Paddock? <a href="/signup">Create an account</a>
      </p>
    </Layout>
  );
}

/** Too many failed attempts: how long to wait, in whole minutes (rounded up). */
export function TooManyAttemptsPage({ retryAfterMs, signUp }: { retryAfterMs: number; signUp?: boolean }) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  return (
    <Layout title="Too many attempts">
      <h1>Too many attempts</h1>
      <p class="notice">
        {signUp
          ? `Too many accounts were created from this network. ${wait}`
          : `There were too many failed sign-ins. ${wait}`}
      </p>
      <p>
        <a href="/signin">Back to sign in</a>
      </p>
    </Layout>
  );
}
