/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
import { type Context, Hono } from 'hono';
import { clientAddress } from '../../http/client-address.js';
import type { AppEnv } from '../../http/context.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../http/jsx.js';
import type { AccountsService } from './accounts.service.js';
import { SignInPage, TooManyAttemptsPage } from './views/sign-in.page.js';
import { SignUpPage } from './views/sign-up.page.js';

export interface AccountsRoutesDeps {
  readonly accounts: AccountsService;
  readonly trustProxy: boolean;
}

/** GET/POST /signup, GET/POST /signin and POST /signout. The CSRF middleware has checked every POST. */
export function accountsRoutes({ accounts, trustProxy }: AccountsRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/signup', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<SignUpPage csrfToken={await c.get('csrfToken')()} />);
  });

  app.post('/signup', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { email, password } = await readCredentials(c);
    const outcome = await accounts.signUp(email, password, clientAddress(c, trustProxy));
    if (outcome.kind === 'created') {
      await c.get('startSession')({ id: outcome.accountId, email: outcome.email });
      c.get('logger').info({ accountId: outcome.accountId }, 'account created');
      return c.redirect('/login', 303);
    }
    if (outcome.kind === 'limited') {
      c.get('logger').warn({}, 'sign-up limited');
      c.header('Retry-After', String(Math.ceil(outcome.retryAfterMs / 1000)));
      return c.html(<TooManyAttemptsPage retryAfterMs={outcome.retryAfterMs} signUp />, 429);
    }
    // The token is made after any session change, so the form posts back cleanly.
    const csrfToken = await c.get('csrfToken')();
    return outcome.kind === 'invalid'
      ? c.html(<SignUpPage csrfToken={csrfToken} email={email} problems={outcome.problems} />, 400)
      : c.html(<SignUpPage csrfToken={csrfToken} email={email} taken />, 409);
  });

  app.get('/signin', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<SignInPage csrfToken={await c.get('csrfToken')()} />);
  });

  app.post('/signin', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { email, password } = await readCredentials(c);
    const outcome = await accounts.signIn(email, password, clientAddress(c, trustProxy));
    switch (outcome.kind) {
      case 'signed-in':
        await c.get('startSession')({ id: outcome.accountId, email: outcome.email });
        c.get('logger').info({ accountId: outcome.accountId }, 'signed in');
        return c.redirect('/', 303);
      case 'limited':
        c.get('logger').warn({}, 'sign-in limited');
        c.header('Retry-After', String(Math.ceil(outcome.retryAfterMs / 1000)));
        return c.html(<TooManyAttemptsPage retryAfterMs={outcome.retryAfterMs} />, 429);
      case 'rejected':
        // Neither the email nor the reason is logged: logs must not become a list of accounts.
        c.get('logger').info({}, 'sign-in rejected');
        return c.html(<SignInPage csrfToken={await c.get('csrfToken')()} email={email} failed />, 401);
    }
  });

  app.post('/signout', async (c) => {
    await c.get('endSession')();
    return c.redirect('/signin', 303);
  });

  return app;
}

async function readCredentials(c: Context<AppEnv>): Promise<{ email: string; password: string }> {
  const body = await c.req.parseBody();
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { email: text(body.email).trim(), password: text(body.password) };
}
