/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */

import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppLogger } from '../logger.js';
import type { AppEnv } from './context.js';
import { ErrorPage } from './error-page.js';
// biome-ignore lint/correctness/noUnusedImports: the JSX factory the pragma names (see http/jsx.ts)
import { h } from './jsx.js';

/** Unknown routes get our 404 page, not the framework's text. */
export const notFoundPage: NotFoundHandler<AppEnv> = (c) =>
  c.html(
    <ErrorPage
      title="Page not found"
      message="There is nothing at this address."
      action={{ href: '/', label: 'Go to the start page' }}
    />,
    404,
  );

/** A request body over the limit: refused before anything reads it. */
export const tooLargePage = (c: Context<AppEnv>) =>
  c.html(
    <ErrorPage
      title="Request too large"
      message="The form sent was far larger than any Paddock form, so it was not read."
      action={{ href: '/', label: 'Go to the start page' }}
    />,
    413,
  );

/**
 * Anything a route did not handle: logged with its stack, answered with a
 * plain 500 page carrying the request id. The process keeps serving.
 */
export function errorPage(fallbackLogger: AppLogger): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      return c.html(
        <ErrorPage title="Bad request" message={err.message || 'The request was not valid.'} />,
        err.status,
      );
    }
    const requestId = c.get('requestId');
    (c.get('logger') ?? fallbackLogger).error({ err }, 'unhandled error');
    return c.html(
      <ErrorPage
        title="Something went wrong"
        message="The app hit an unexpected problem. Please try again; if it keeps happening, contact support with the reference below."
        requestId={requestId}
        action={{ href: '/', label: 'Go to the start page' }}
      />,
      500,
    );
  };
}
