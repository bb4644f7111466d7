/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { CSRF_FIELD } from '../../../http/csrf.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../../http/jsx.js';

export interface CredentialsFormProps {
  readonly action: '/signin' | '/signup';
  readonly csrfToken: string;
  /** Shown again after a failed attempt; the password never is. */
  readonly email?: string;
  readonly submitLabel: string;
  readonly newPassword?: boolean;
}

/** The email and password form of both pages, with its CSRF field. */
export function CredentialsForm({
  action,
  csrfToken,
  email,
  submitLabel,
  newPassword,
}: CredentialsFormProps) {
  return (
    <form method="post" action={action} class="stacked">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <label>
        Email
        <input type="email" name="email" value={email ?? ''} autocomplete="email" required maxlength={254} />
      </label>
      <label>
        Password
        <input
          type="password"
          name="password"
          autocomplete={newPassword ? 'new-password' : 'current-password'}
          required
          minlength={newPassword ? 8 : undefined}
          maxlength={1024}
        />
      </label>
      <button type="submit" class="button">
        {submitLabel}
      </button>
    </form>
  );
}
