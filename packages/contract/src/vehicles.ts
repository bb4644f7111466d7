import { z } from 'zod';

export const POWERTRAIN_TYPES = ['BEV', 'PHEV', 'HEV', 'ICE'] as const;
export type PowertrainType = (typeof POWERTRAIN_TYPES)[number];
export const powertrainTypeSchema = z.enum(POWERTRAIN_TYPES);

/** Vehicle `mode` in API responses (webhooks use `LIVE`/`TEST`). */
export const VEHICLE_MODES = ['live', 'simulated'] as const;
export type VehicleMode = (typeof VEHICLE_MODES)[number];
export const vehicleModeSchema = z.enum(VEHICLE_MODES);

/** Vehicle attributes (reference §3.3); make is upper case in live data. */
export const vehicleAttributesSchema = z.object({
  make: z.string().min(1),
  model: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  powertrainType: powertrainTypeSchema,
  mode: vehicleModeSchema,
});
export type VehicleAttributes = z.infer<typeof vehicleAttributesSchema>;

export const vehicleSchema = z.object({
  id: z.string().min(1),
  type: z.literal('vehicle'),
  attributes: vehicleAttributesSchema,
  links: z.object({ self: z.string() }),
});
export type Vehicle = z.infer<typeof vehicleSchema>;

/** `GET /v3/vehicles/{vehicleId}` (reference §3.3). */
export const vehicleResponseSchema = z.object({ data: vehicleSchema });
export type VehicleResponse = z.infer<typeof vehicleResponseSchema>;
