/**
 * Error statuses per kind of operation. Reference §3.5 and §4.2 list them for
 * commands and subscription creation; the other sets follow from the §5.2
 * catalogue (which failure can happen where), so they are kept short rather
 * than listing every status a gateway might ever return.
 */

/** Any Bearer call: bad token (401), ACCESS_DENIED (403), rate limits (429), server faults (500). */
const BEARER = [401, 403, 429, 500] as const;

/** IAM: OAuth errors, not the v3 envelope. */
export const TOKEN_ERRORS = [400, 401] as const;

/** Lists with filters: a malformed filter or page is a 400 VALIDATION. */
export const LIST_ERRORS = [400, ...BEARER] as const;

/** One resource by id: unknown ids are 404 RESOURCE_NOT_FOUND. */
export const RESOURCE_ERRORS = [...BEARER, 404] as const;

/** Reads that reach vehicle data: billing limits (430) and OEM failures (502) too. */
export const VEHICLE_READ_ERRORS = [...RESOURCE_ERRORS, 430, 502] as const;

/** Signal reads also need `sc-user-id` (400 MISSING_PARAMETER, reference §3.1). */
export const SIGNAL_ERRORS = [400, ...VEHICLE_READ_ERRORS] as const;

/** The list of reference §3.5 for commands. */
export const COMMAND_ERRORS = [400, 401, 403, 404, 409, 429, 430, 500, 501, 502, 504] as const;

/** Reading an execution back asks nothing of the vehicle. */
export const EXECUTION_READ_ERRORS = [400, ...RESOURCE_ERRORS] as const;

/**
 * Charge schedules (reference §3.6 documents 501 VEHICLE_NOT_CAPABLE only):
 * the vehicle is asked as for a command, so the command statuses apply, bar
 * the 504 the reference ties to commands.
 */
export const SCHEDULE_ERRORS = COMMAND_ERRORS.filter((status) => status !== 504);

/** `POST /v3/subscriptions`: the list of reference §4.2 (409 when already subscribed). */
export const SUBSCRIBE_ERRORS = [400, 401, 403, 404, 409, 500] as const;
