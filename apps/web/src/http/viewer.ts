import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import type { Viewer } from './layout.js';

/** The header's view of the signed-in person, or undefined when signed out. */
export async function viewerOf(c: Context<AppEnv>): Promise<Viewer | undefined> {
  const session = c.get('session');
  return session ? { email: session.email, csrfToken: await c.get('csrfToken')() } : undefined;
}
