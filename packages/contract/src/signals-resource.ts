import { z } from 'zod';
import { powertrainTypeSchema, vehicleModeSchema } from './vehicles.js';

/** Per-signal outcome (reference §3.4). */
export const SIGNAL_STATUSES = ['SUCCESS', 'ERROR', 'UNAVAILABLE'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** The error carried by a signal whose status is `ERROR` or `UNAVAILABLE`. */
export const signalErrorSchema = z.object({
  type: z.string(),
  code: z.string().nullable(),
  title: z.string().optional(),
  detail: z.string().optional(),
  resolution: z.object({ type: z.string().nullable() }).optional(),
});
export type SignalError = z.infer<typeof signalErrorSchema>;

/** `attributes.status`: `error` only when the value is not `SUCCESS`. */
export const signalStatusSchema = z.object({
  value: z.enum(SIGNAL_STATUSES),
  error: signalErrorSchema.optional(),
});

/**
 * Freshness of a signal (reference §3.4). The emulator emits ISO strings;
 * one documented example uses epoch seconds and the SDK examples epoch ms,
 * which is why numbers are accepted too.
 */
const timestamp = z.union([z.string(), z.number()]);
export const signalMetaSchema = z.object({
  retrievedAt: timestamp,
  oemUpdatedAt: timestamp,
  ingestedAt: timestamp.optional(),
});

/**
 * One signal resource. `body` is the code's body (see `SIGNALS`) and is
 * absent when the powertrain cannot report the signal.
 */
export const signalSchema = z.object({
  id: z.string().min(1),
  type: z.literal('signal'),
  attributes: z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    group: z.string().min(1),
    status: signalStatusSchema,
    body: z.unknown().optional(),
  }),
  meta: signalMetaSchema,
  links: z.object({ self: z.string(), vehicle: z.string(), values: z.string().optional() }),
});
export type SignalResource = z.infer<typeof signalSchema>;

/** `included.vehicle` of signal responses: the vehicle's attributes without the mode. */
export const includedVehicleSchema = z.object({
  id: z.string().min(1),
  type: z.literal('vehicle'),
  attributes: z.object({
    make: z.string(),
    model: z.string(),
    year: z.number().int(),
    powertrainType: powertrainTypeSchema.optional(),
    mode: vehicleModeSchema.optional(),
  }),
  links: z.object({ self: z.string() }),
});
export type IncludedVehicle = z.infer<typeof includedVehicleSchema>;

/** `GET /v3/vehicles/{id}/signals` (reference §3.4). Not paginated: every signal on one page. */
export const signalListResponseSchema = z.object({
  data: z.array(signalSchema),
  meta: z.object({
    totalCount: z.number().int().nonnegative(),
    pageSize: z.number().int().nonnegative(),
    pageNumber: z.number().int().positive(),
  }),
  links: z.object({ self: z.string() }),
  included: z.object({ vehicle: includedVehicleSchema }),
});
export type SignalListResponse = z.infer<typeof signalListResponseSchema>;

/**
 * `GET /v3/vehicles/{id}/signals/{code}`: the signal object at top level, as
 * the docs show it (reference §3.4 ⚠). Clients should also accept
 * `{ data: <signal> }`, see `signalResponseVariantsSchema`.
 */
export const signalResponseSchema = signalSchema;
export type SignalResponse = SignalResource;

/** Both single-signal shapes met in the wild: top level, or wrapped in `data` with `included`. */
export const signalResponseVariantsSchema = z.union([
  signalSchema,
  z.object({ data: signalSchema, included: z.object({ vehicle: includedVehicleSchema }).optional() }),
]);
