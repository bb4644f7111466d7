/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from './jsx.js';
import { Layout } from './layout.js';

export interface ErrorPageProps {
  readonly title: string;
  /** What happened, in words for the person at the browser. */
  readonly message: string;
  /** Shown so support can find the request (ours or Smartcar's). */
  readonly requestId?: string | undefined;
  readonly requestIdLabel?: string;
  /** Where to go next; default: back to /login. */
  readonly action?: { readonly href: string; readonly label: string };
}

/** A plain error page: title, message, a way out, a reference for support. Never a stack. */
export function ErrorPage({
  title,
  message,
  requestId,
  requestIdLabel = 'Reference',
  action = { href: '/login', label: 'Back to Connect' },
}: ErrorPageProps) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="notice">{message}</p>
      <p>
        <a href={action.href}>{action.label}</a>
      </p>
      {requestId ? (
        <p class="muted">
          {requestIdLabel}: <span class="mono">{requestId}</span>
        </p>
      ) : null}
    </Layout>
  );
}
