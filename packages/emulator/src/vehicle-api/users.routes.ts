import { Hono } from 'hono';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import { bearerAuth } from './bearer-auth.js';

/**
 * `DELETE /v3/users/{userId}` (reference §3.2): removes every connection the
 * user granted to the token's application. The user stays known to the
 * emulator (other applications keep their connections), as a Smartcar
 * account outlives any one application.
 */
export function userRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.delete('/v3/users/:userId', bearerAuth(deps), (c) => {
    const userId = c.req.param('userId');
    const removed = deps.store.connections.deleteForUser(c.get('application').id, userId);
    // A user with nothing connected to this application is unknown to it; the catalogue has no code for users.
    if (removed === 0) {
      throw new ApiError('RESOURCE_NOT_FOUND', null, { detail: `User with ID ${userId} not found` });
    }
    return c.body(null, 204);
  });

  return app;
}
