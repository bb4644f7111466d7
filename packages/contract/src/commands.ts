import { z } from 'zod';
import { v3ErrorSchema } from './errors.js';
import type { Permission } from './permissions.js';

const isoTimestamp = z.iso.datetime({ offset: true });

/** `{ data: { attributes: <shape> } }`, the JSON:API request envelope of every command body. */
const attributesEnvelope = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ data: z.object({ attributes: z.object(shape) }) });

/**
 * Commands without parameters take no body, `{}` or any JSON object (reference
 * §3.5 "none / {}"); their content is ignored.
 */
export const emptyCommandBodySchema = z.looseObject({});

/** Lowest and highest accepted charge limit, in percent (reference §3.5). */
export const CHARGE_LIMIT_MIN_PERCENT = 50;
export const CHARGE_LIMIT_MAX_PERCENT = 100;

/** `charge/set-limit`: `{"data":{"attributes":{"percent":80}}}`, 50–100. */
export const setChargeLimitBodySchema = attributesEnvelope({
  percent: z
    .number()
    .min(CHARGE_LIMIT_MIN_PERCENT, `must be at least ${CHARGE_LIMIT_MIN_PERCENT}`)
    .max(CHARGE_LIMIT_MAX_PERCENT, `must be at most ${CHARGE_LIMIT_MAX_PERCENT}`),
});
export type SetChargeLimitBody = z.infer<typeof setChargeLimitBodySchema>;

/** Degrees of latitude (-90–90) and longitude (-180–180), WGS 84. */
export const coordinatesShape = {
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
};

/** `navigation/set-destination`: `{"data":{"attributes":{"latitude":37.77,"longitude":-122.42}}}`. */
export const setDestinationBodySchema = attributesEnvelope(coordinatesShape);
export type SetDestinationBody = z.infer<typeof setDestinationBodySchema>;

interface CommandDefinition<B extends z.ZodType = z.ZodType> {
  /** Path below `/v3/vehicles/{id}/commands/`. */
  path: string;
  permission: Permission;
  body: B;
}

const define = <B extends z.ZodType>(d: CommandDefinition<B>) => d;

/**
 * The eight v3 commands (reference §3.5), keyed by the `commandType` of their
 * result. The charge-port and navigation types are inferred from the paths
 * (⚠ in the reference); permissions of the charge port are the spec's.
 */
export const COMMANDS = {
  'security-lock': define({
    path: 'security/lock',
    permission: 'control_security',
    body: emptyCommandBodySchema,
  }),
  'security-unlock': define({
    path: 'security/unlock',
    permission: 'control_security',
    body: emptyCommandBodySchema,
  }),
  'charge-start': define({
    path: 'charge/start',
    permission: 'control_charge',
    body: emptyCommandBodySchema,
  }),
  'charge-stop': define({ path: 'charge/stop', permission: 'control_charge', body: emptyCommandBodySchema }),
  'charge-set-limit': define({
    path: 'charge/set-limit',
    permission: 'control_charge',
    body: setChargeLimitBodySchema,
  }),
  'charge-port-open': define({
    path: 'charge-port/open',
    permission: 'control_charge',
    body: emptyCommandBodySchema,
  }),
  'charge-port-close': define({
    path: 'charge-port/close',
    permission: 'control_charge',
    body: emptyCommandBodySchema,
  }),
  'navigation-set-destination': define({
    path: 'navigation/set-destination',
    permission: 'control_navigation',
    body: setDestinationBodySchema,
  }),
} as const;

export type CommandType = keyof typeof COMMANDS;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];
export const commandTypeSchema = z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]);

/** Request body of a command, as accepted by its schema. */
export type CommandBody<T extends CommandType> = z.infer<(typeof COMMANDS)[T]['body']>;

/** `sync`: the result came back on the first response (200); `async`: after a 202 (reference §3.5). */
export const EXECUTION_MODES = ['sync', 'async'] as const;
export type ExecutionMode = (typeof EXECUTION_MODES)[number];

/**
 * `SUCCESS` and `FAILED` are final; `PENDING` is only seen when an execution
 * is read back while a long-running command is still in flight.
 */
export const EXECUTION_STATUSES = ['PENDING', 'SUCCESS', 'FAILED'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** `status` of an execution; a `FAILED` one carries the v3 error the vehicle answered with. */
export const executionStatusSchema = z.object({
  value: z.enum(EXECUTION_STATUSES),
  error: v3ErrorSchema.optional(),
});

/** The `command-execution` resource (reference §3.5). */
export const commandExecutionSchema = z.object({
  id: z.string().min(1),
  type: z.literal('command-execution'),
  attributes: z.object({
    commandType: z.string().min(1),
    status: executionStatusSchema,
    executionMode: z.enum(EXECUTION_MODES),
    parameters: z.record(z.string(), z.unknown()),
  }),
  meta: z.object({
    executedAt: isoTimestamp,
    /** Null while `PENDING`. */
    completedAt: isoTimestamp.nullable(),
    /** Seconds from `executedAt` to `completedAt`; null while `PENDING`. */
    durationInSeconds: z.number().nonnegative().nullable(),
  }),
  links: z.object({ self: z.string() }).optional(),
});
export type CommandExecution = z.infer<typeof commandExecutionSchema>;

/** Body of a command's 200, of the final part of its 202, and of reading an execution back. */
export const commandExecutionResponseSchema = z.object({ data: commandExecutionSchema });
export type CommandExecutionResponse = z.infer<typeof commandExecutionResponseSchema>;

/** Prefix of execution ids (`exec_01HX…`, reference §3.5). */
export const EXECUTION_ID_PREFIX = 'exec_';
