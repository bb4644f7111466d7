import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationRecord } from '../store/records.js';

/** Hono context variables and bindings shared by every route. */
export interface EmulatorEnv {
  /**
   * What `@hono/node-server` passes when the emulator is served over HTTP;
   * absent in-process (`Emulator.fetch`, `app.fetch`).
   */
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
  Variables: {
    /** The `sc-request-id` of this request. */
    requestId: string;
    /** The application owning the bearer token (Vehicle API routes only). */
    application: ApplicationRecord;
  };
}
