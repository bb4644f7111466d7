/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { Layout } from '../../../http/layout.js';
import { CredentialsForm } from './credentials-form.js';

export interface SignUpPageProps {
  readonly csrfToken: string;
  readonly email?: string;
  readonly problems?: readonly string[];
  /** The email belongs to an account already. */
  readonly taken?: boolean;
}

/** Create an account with email and password; a link to sign in. */
export function SignUpPage({ csrfToken, email, problems = [], taken }: SignUpPageProps) {
  return (
    <Layout title="Create an account">
      <h1>Create an account</h1>
      <p>Your Paddock account keeps your connected vehicles, on any browser you sign in from.</p>
      {problems.length > 0 ? (
        <ul class="notice problems">
          {problems.map((problem) => (
            <li>{problem}</li>
          ))}
        </ul>
      ) : null}
      {taken ? (
        <p class="notice problems">
          There is already an account with this email. <a href="/signin">Sign in</a> instead.
        </p>
      ) : null}
      <CredentialsForm
        action="/signup"
        csrfToken={csrfToken}
        email={email}
        submitLabel="Create account"
        newPassword
      />
      <p>
        Already have an account? <a href="/signin">Sign in</a>
      </p>
    </Layout>
  );
}
