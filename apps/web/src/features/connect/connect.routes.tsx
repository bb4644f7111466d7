/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import { type Context, Hono } from 'hono';
import type { AppConfig } from '../../config.js';
import type { AppEnv } from '../../http/context.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from '../../http/jsx.js';
import { viewerOf } from '../../http/viewer.js';
import type { ConnectService, ExchangeQuery } from './connect.service.js';
import { connectErrorInfo } from './connect-errors.js';
import {
  ConnectErrorPage,
  InvalidUserIdPage,
  LinkedElsewherePage,
  NotThisAccountPage,
  StateErrorPage,
  UnconfirmedPage,
} from './views/connect-error.page.js';
import { LoginPage } from './views/login.page.js';

export interface ConnectRoutesDeps {
  readonly connect: ConnectService;
  readonly config: AppConfig;
  /**
   * Called after a Smartcar user is linked (and committed) to store its
   * vehicles; a failure is logged, and the listing of /vehicle still works.
   */
  readonly onLinked?: (accountId: string, smartcarUserId: string, signal: AbortSignal) => Promise<string[]>;
}

/** GET /login (the Connect button, for a signed-in account) and GET /exchange (Connect's redirect back). */
export function connectRoutes({ connect, config, onLinked }: ConnectRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The Connect page: connections belong to an account, so one must be signed in first.
  app.get('/login', async (c) => {
    const session = c.get('session');
    if (session === null) return c.redirect('/signin', 303);
    const connectUrl = await connect.connectUrl(session);
    // The page holds a one-time state: never serve it from a cache.
    c.header('Cache-Control', 'no-store');
    return c.html(<LoginPage connectUrl={connectUrl} scope={config.scope} viewer={await viewerOf(c)} />);
  });

  app.get('/exchange', async (c) => {
    // This URL carries the state and the Smartcar user id: keep it out of
    // Referer headers and caches, whatever the answer.
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    const outcome = await connect.exchange(c.get('session'), readExchangeQuery(c), c.req.raw.signal);
    const log = c.get('logger');
    switch (outcome.kind) {
      case 'linked': {
        const accountId = c.get('session')!.accountId;
        log.info({ accountId }, 'smartcar user linked');
        try {
          const added = await onLinked?.(accountId, outcome.smartcarUserId, c.req.raw.signal);
          log.info({ accountId, vehiclesAdded: added?.length ?? 0 }, 'connected vehicles stored');
        } catch (error) {
          log.warn({ err: error, accountId }, 'could not store the connected vehicles');
        }
        return c.redirect('/vehicle', 303);
      }
      case 'state-rejected':
        log.warn({ reason: outcome.reason }, 'connect redirect refused: bad state');
        return c.html(<StateErrorPage reason={outcome.reason} />, 400);
      case 'invalid-user-id':
        log.warn({}, 'connect redirect refused: missing or malformed user_id');
        return c.html(<InvalidUserIdPage />, 400);
      case 'not-this-account':
        log.warn(
          { accountId: c.get('session')?.accountId },
          'connect redirect refused: user_id not connected from this account',
        );
        return c.html(<NotThisAccountPage />, 400);
      case 'linked-elsewhere':
        log.warn(
          { accountId: c.get('session')?.accountId },
          'connect redirect refused: smartcar user linked to another account',
        );
        return c.html(<LinkedElsewherePage />, 409);
      case 'unconfirmed':
        log.warn(
          { smartcarRequestId: outcome.problem.requestId, type: outcome.problem.type },
          'could not confirm a connection with smartcar',
        );
        if (outcome.problem.retryAfterSeconds !== undefined)
          c.header('Retry-After', String(Math.ceil(outcome.problem.retryAfterSeconds)));
        return c.html(<UnconfirmedPage problem={outcome.problem} />, 502);
      case 'connect-error': {
        const info = connectErrorInfo(outcome.error);
        log.info({ error: outcome.error }, 'connect returned an error');
        return c.html(
          <ConnectErrorPage info={info} description={outcome.description} vehicle={outcome.vehicle} />,
          info.status,
        );
      }
    }
  });

  return app;
}

// A repeated parameter is ambiguous (which one did Smartcar send?), so it counts as malformed.
function single(c: Context, name: string): string | undefined {
  const values = c.req.queries(name);
  if (values === undefined || values.length === 0) return undefined;
  return values.length === 1 ? values[0] : '';
}

function readExchangeQuery(c: Context): ExchangeQuery {
  const optional = (name: string) => single(c, name) || undefined;
  const vehicle: ExchangeQuery['vehicle'] = {};
  for (const key of ['vin', 'make', 'model', 'year'] as const) {
    const value = optional(key);
    if (value !== undefined) vehicle[key] = value;
  }
  return {
    state: single(c, 'state'),
    userId: single(c, 'user_id'),
    error: single(c, 'error'),
    errorDescription: optional('error_description'),
    vehicle,
  };
}
