/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { ErrorPage } from './error-page.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from './jsx.js';

/** A form whose CSRF token is missing or wrong: nothing was done. */
export function ForbiddenPage() {
  return (
    <ErrorPage
      title="This form cannot be accepted"
      message="The form was out of date or did not come from a Paddock page, so nothing was done. Go back, reload the page and try again."
      action={{ href: '/', label: 'Go to the start page' }}
    />
  );
}
