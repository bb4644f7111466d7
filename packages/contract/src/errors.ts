import { z } from 'zod';

/** Error types of the v3 catalogue (reference §5.2) with their HTTP status and codes. */
export const ERROR_CATALOGUE = {
  AUTHENTICATION: { status: 401, codes: ['UNAUTHORIZED', 'ACCESS_DENIED'] },
  PERMISSION: { status: 403, codes: ['PERMISSION'] },
  VALIDATION: {
    status: 400,
    codes: ['INVALID_INPUT_FORMAT', 'BAD_REQUEST', 'MISSING_PARAMETER', 'PARAMETER', 'ALREADY_SUBSCRIBED'],
  },
  RESOURCE_NOT_FOUND: {
    status: 404,
    codes: [
      'PATH',
      'VERSION',
      'INVALID_PATH',
      'VEHICLE_NOT_FOUND',
      'SIGNAL_NOT_FOUND',
      'CONNECTION_NOT_FOUND',
      'WEBHOOK_NOT_FOUND',
      'SUBSCRIPTION_NOT_FOUND',
      'APPLICATION_NOT_FOUND',
      'USER_NOT_FOUND',
    ],
  },
  VEHICLE_STATE: {
    status: 409,
    codes: [
      'ASLEEP',
      'CHARGE_FAULT',
      'CHARGING_IN_PROGRESS',
      'CHARGING_PLUG_NOT_CONNECTED',
      'DOOR_OPEN',
      'FULLY_CHARGED',
      'HOOD_OPEN',
      'IGNITION_ON',
      'IN_MOTION',
      'NOT_CHARGING',
      'REMOTE_ACCESS_DISABLED',
      'TRUNK_OPEN',
      'UNKNOWN',
      'UNREACHABLE',
      'VEHICLE_OFFLINE_FOR_SERVICE',
    ],
  },
  RATE_LIMIT: { status: 429, codes: ['SMARTCAR_API', 'VEHICLE'] },
  BILLING: {
    status: 430,
    codes: ['ACCOUNT_SUSPENDED', 'INVALID_PLAN', 'VEHICLE_LIMIT', 'VEHICLE_REQUEST_LIMIT'],
  },
  COMPATIBILITY: {
    status: 501,
    codes: ['MAKE_NOT_COMPATIBLE', 'PLATFORM_NOT_CAPABLE', 'SMARTCAR_NOT_CAPABLE', 'VEHICLE_NOT_CAPABLE'],
  },
  CONNECTED_SERVICES_ACCOUNT: {
    status: 400,
    codes: [
      'ACCOUNT_ISSUE',
      'AUTHENTICATION_FAILED',
      'NO_VEHICLES',
      'PERMISSION',
      'SUBSCRIPTION',
      'VEHICLE_MISSING',
      'VIRTUAL_KEY_REQUIRED',
    ],
  },
  UPSTREAM: {
    status: 502,
    codes: ['INVALID_DATA', 'KNOWN_ISSUE', 'NO_RESPONSE', 'RATE_LIMIT', 'UNKNOWN_ISSUE'],
  },
  SERVER: { status: 500, codes: ['INTERNAL', 'MULTIPLE_RECORDS_FOUND', 'RECORD_NOT_FOUND'] },
} as const;

export type ErrorType = keyof typeof ERROR_CATALOGUE;
export type ErrorCode<T extends ErrorType = ErrorType> = (typeof ERROR_CATALOGUE)[T]['codes'][number];
export const ERROR_TYPES = Object.keys(ERROR_CATALOGUE) as ErrorType[];

export const RESOLUTION_TYPES = [
  'RETRY_LATER',
  'REAUTHENTICATE',
  'CONTACT_SUPPORT',
  'UNKNOWN_RESOLUTION_TYPE',
] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

/** Status of an error type; AUTHENTICATION / ACCESS_DENIED is the documented 403, VALIDATION / ALREADY_SUBSCRIBED a 409. */
export function statusOf(type: ErrorType, code?: string | null): number {
  if (type === 'AUTHENTICATION' && code === 'ACCESS_DENIED') return 403;
  // Management API: subscribing a vehicle twice (reference §4.2 documents only the status).
  if (type === 'VALIDATION' && code === 'ALREADY_SUBSCRIBED') return 409;
  return ERROR_CATALOGUE[type].status;
}

export const resolutionSchema = z.object({
  type: z.enum(RESOLUTION_TYPES).nullable(),
  url: z.string().optional(),
});

/** One entry of the v3 `errors[]` envelope (reference §5.1). `status` is a string. */
export const v3ErrorSchema = z.object({
  status: z.string().regex(/^\d{3}$/),
  type: z.string(),
  code: z.string().nullable().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  links: z.object({ about: z.string() }).optional(),
  resolution: resolutionSchema.optional(),
  suggestedUserMessage: z.string().nullable().optional(),
  meta: z.object({ debug: z.object({ requestId: z.string() }) }).optional(),
});
export type V3Error = z.infer<typeof v3ErrorSchema>;

export const v3ErrorEnvelopeSchema = z.object({ errors: z.array(v3ErrorSchema).min(1) });
export type V3ErrorEnvelope = z.infer<typeof v3ErrorEnvelopeSchema>;

/** The v2 flat error shape (reference §5.1), which clients still meet. */
export const v2ErrorSchema = z.object({
  type: z.string(),
  code: z.string().nullable().optional(),
  description: z.string().optional(),
  docURL: z.string().nullable().optional(),
  statusCode: z.number().optional(),
  requestId: z.string().optional(),
  resolution: z
    .union([z.object({ type: z.string().nullable() }), z.string()])
    .nullable()
    .optional(),
  suggestedUserMessage: z.string().nullable().optional(),
  detail: z.unknown().optional(),
});
export type V2Error = z.infer<typeof v2ErrorSchema>;

/** Docs link for an error, in the form Smartcar uses (`…/<type>-errors#<code>`). */
export function errorDocsUrl(type: string, code?: string | null): string {
  const page = `${type.toLowerCase().replaceAll('_', '-')}-errors`;
  const anchor = code ? `#${code.toLowerCase().replaceAll('_', '-')}` : '';
  return `https://smartcar.com/docs/errors/api-errors/${page}${anchor}`;
}
