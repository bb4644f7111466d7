/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { CSRF_FIELD } from '../../../http/csrf.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';
import { Layout, type Viewer } from '../../../http/layout.js';

export interface ConfirmPageProps {
  readonly title: string;
  /** What will happen, in full, before anything happens. */
  readonly explanation: readonly string[];
  readonly action: string;
  readonly confirmLabel: string;
  readonly cancelHref: string;
  readonly csrfToken: string;
  readonly viewer: Viewer | undefined;
}

/** A page that asks before something that cannot be undone; the button posts the form with its CSRF token. */
export function ConfirmPage({
  title,
  explanation,
  action,
  confirmLabel,
  cancelHref,
  csrfToken,
  viewer,
}: ConfirmPageProps) {
  return (
    <Layout title={title} viewer={viewer} stylesheets={['/assets/dashboard.css']}>
      <h1>{title}</h1>
      {explanation.map((p) => (
        <p>{p}</p>
      ))}
      <form method="post" action={action} class="actions">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <button type="submit" class="button danger">
          {confirmLabel}
        </button>
        <a href={cancelHref}>Cancel</a>
      </form>
    </Layout>
  );
}

/** After an account was deleted: nothing is left, not even the session. */
export function DeletedPage() {
  return (
    <Layout title="Everything deleted">
      <h1>Everything deleted</h1>
      <p>
        Paddock asked Smartcar to remove your connections and deleted your account, your vehicles, their
        signals and your command history.
      </p>
      <p>
        <a href="/signup">Create a new account</a>
      </p>
    </Layout>
  );
}
