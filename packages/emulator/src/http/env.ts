import type { ApplicationRecord } from '../store/records.js';

/** Hono context variables shared by every route. */
export interface EmulatorEnv {
  Variables: {
    /** The `sc-request-id` of this request. */
    requestId: string;
    /** The application owning the bearer token (Vehicle API routes only). */
    application: ApplicationRecord;
  };
}
