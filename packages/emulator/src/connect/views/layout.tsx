import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2433; }
  main { max-width: 30rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .banner { font-size: .85rem; background: #fff6d6; border: 1px solid #e8d48a; padding: .5rem .75rem; border-radius: 6px; }
  .error { color: #a11; background: #fdecec; border: 1px solid #f3b6b6; padding: .5rem .75rem; border-radius: 6px; }
  .brands { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
  button { font: inherit; padding: .6rem 1rem; border-radius: 6px; border: 1px solid #99a; background: #fff; cursor: pointer; }
  button.primary { background: #1f4fd8; color: #fff; border-color: #1f4fd8; }
  label.field { display: block; margin: .75rem 0 .25rem; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
  fieldset { border: 1px solid #ccd; border-radius: 6px; margin: 1rem 0; }
  fieldset label { display: block; margin: .25rem 0; }
  .actions { display: flex; gap: .5rem; justify-content: flex-end; margin-top: 1rem; }
  code { background: #eef; padding: 0 .2rem; }
`;

/** The page frame shared by every Connect screen. */
export const Layout: FC<{ title: string; children?: Child }> = ({ title, children }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Smartcar Connect (emulator)`}</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <main>
          <p class="banner">Paddock emulator of Smartcar Connect: no real vehicle account is contacted.</p>
          {children}
        </main>
      </body>
    </html>
  </>
);

/** The hidden CSRF field every form carries. */
export const CsrfField: FC<{ token: string }> = ({ token }) => (
  <input type="hidden" name="csrf_token" value={token} />
);

/** A problem with the user's last submission, announced to screen readers. */
export const FormError: FC<{ message?: string }> = ({ message }) =>
  message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
