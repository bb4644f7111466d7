/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { type Child, Fragment, h, pure, trusted } from './jsx.js';

// Inline styles are allowed by the CSP (style-src 'unsafe-inline'); inline scripts are not: pages
// that update live load /assets/live.js, a file of our own origin.
const STYLES = `
  :root { color-scheme: light dark; --accent: #0b6bcb; --muted: #6b7280; }
  * { box-sizing: border-box; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
  header { padding: 1rem 1.5rem; border-bottom: 1px solid #8884; }
  header a { font-weight: 700; text-decoration: none; color: inherit; }
  main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem; }
  h1 { font-size: 1.6rem; margin-top: 0; }
  .button { display: inline-block; padding: .7rem 1.3rem; border-radius: .4rem; background: var(--accent);
    color: #fff; text-decoration: none; font-weight: 600; }
  .button:hover, .button:focus { filter: brightness(1.1); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid #8884; }
  code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
  .muted { color: var(--muted); }
  .notice { padding: 1rem 1.25rem; border-left: 4px solid #d97706; background: #d9770614; }
  header { display: flex; gap: 1rem; align-items: center; justify-content: space-between; flex-wrap: wrap; }
  header nav { display: flex; gap: .75rem; align-items: center; }
  header form { margin: 0; }
  .link-button { background: none; border: 0; padding: 0; font: inherit; color: var(--accent); cursor: pointer;
    text-decoration: underline; }
  form.stacked { display: grid; gap: .9rem; max-width: 24rem; }
  form.stacked label { display: grid; gap: .3rem; font-weight: 600; }
  form.stacked input { font: inherit; padding: .55rem .7rem; border: 1px solid #8888; border-radius: .35rem; }
  button.button { border: 0; cursor: pointer; font: inherit; font-weight: 600; }
  .problems { color: #b91c1c; }
`;

/** Who is signed in, for the header: their email and the token of the sign-out form. */
export interface Viewer {
  readonly email: string;
  readonly csrfToken: string;
}

export interface LayoutProps {
  readonly title: string;
  /** The signed-in person; absent on pages for signed-out visitors. */
  readonly viewer?: Viewer | undefined;
  /** External scripts of this page (same origin: the CSP allows `script-src 'self'` only). */
  readonly scripts?: readonly string[];
  /** Extra stylesheets of this page. */
  readonly stylesheets?: readonly string[];
  readonly children?: Child;
}

/** The page shell every HTML response uses. */
export function Layout({ title, viewer, scripts = [], stylesheets = [], children }: LayoutProps) {
  return (
    <>
      {/* Without it browsers render in quirks mode. */}
      {trusted('<!DOCTYPE html>')}
      <html lang="en">
        <Head title={title} scripts={scripts} stylesheets={stylesheets} />
        <body>
          <header>
            <a href="/">Paddock</a>
            {viewer ? (
              <nav>
                <span class="muted">{viewer.email}</span>
                <form method="post" action="/signout">
                  <input type="hidden" name="_csrf" value={viewer.csrfToken} />
                  <button type="submit" class="link-button">
                    Sign out
                  </button>
                </form>
              </nav>
            ) : null}
          </header>
          <main>{children}</main>
        </body>
      </html>
    </>
  );
}

type HeadProps = Required<Pick<LayoutProps, 'title' | 'scripts' | 'stylesheets'>>;

/** The page's head: the same for every view of a page, so drawn once per title, scripts and stylesheets. */
const Head = pure(
  ({ title, scripts, stylesheets }: HeadProps) => (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · Paddock`}</title>
      {/* A constant, so raw is safe; escaping would corrupt the CSS (quotes become &quot;). */}
      <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      {stylesheets.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      {scripts.map((src) => (
        <script src={src} defer />
      ))}
    </head>
  ),
  // Script and stylesheet paths are the code's own and hold no NUL; the title comes last.
  ({ title, scripts, stylesheets }) =>
    `${scripts.join('\u0000')}\u0000\u0000${stylesheets.join('\u0000')}\u0000\u0000${title}`,
);
