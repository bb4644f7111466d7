import type { CurrentSession } from '../features/accounts/session.service.js';
import type { AppLogger } from '../logger.js';

/** Hono environment shared by every route of the app. */
export interface AppEnv {
  Variables: {
    /** The browser's session, or null before its first visit to /login. */
    session: CurrentSession | null;
    /** The browser's session, created (and its cookie set) if it has none yet. */
    ensureSession: () => Promise<CurrentSession>;
    /** Logger bound to this request (carries its request id). */
    logger: AppLogger;
    /** Id of this request, shown on error pages so support can find the log line. */
    requestId: string;
  };
}
