import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

// Inline styles are allowed by the CSP (style-src 'unsafe-inline'); scripts are not, and none are used.
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
`;

export interface LayoutProps {
  readonly title: string;
  readonly children?: Child;
}

/** The page shell every HTML response uses. */
export function Layout({ title, children }: LayoutProps) {
  return (
    <>
      {/* Without it browsers render in quirks mode. */}
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Paddock`}</title>
          {/* A constant, so raw is safe; escaping would corrupt the CSS (quotes become &quot;). */}
          <style dangerouslySetInnerHTML={{ __html: STYLES }} />
        </head>
        <body>
          <header>
            <a href="/">Paddock</a>
          </header>
          <main>{children}</main>
        </body>
      </html>
    </>
  );
}
