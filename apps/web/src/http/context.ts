import type { CurrentSession } from '../features/accounts/session.service.js';
import type { AppLogger } from '../logger.js';

/**
 * Hono environment shared by every route of the app. Variables are read with
 * `c.get(name)`: `c.var` builds an object of all of them on every read.
 */
export interface AppEnv {
  Variables: {
    /** The signed-in session, or null when signed out. */
    session: CurrentSession | null;
    /** Starts a session for an account under a new id (replacing any the browser had) and sets the cookie. */
    startSession: (account: { id: string; email: string }) => Promise<CurrentSession>;
    /** Deletes the session row and clears the cookie. */
    endSession: () => Promise<void>;
    /** The CSRF token for this browser and session, to put in every form (sets its cookie if needed). */
    csrfToken: () => Promise<string>;
    /** Logger bound to this request (carries its request id). */
    logger: AppLogger;
    /** Id of this request, shown on error pages so support can find the log line. */
    requestId: string;
  };
}
