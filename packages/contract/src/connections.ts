import { z } from 'zod';
import { pageLinksSchema, pageMetaSchema } from './pagination.js';
import { permissionSchema } from './permissions.js';
import { vehicleAttributesSchema, vehicleModeSchema } from './vehicles.js';

const isoTimestamp = z.iso.datetime({ offset: true });

const relationship = (type: string) =>
  z.object({
    data: z.object({ id: z.string().min(1), type: z.literal(type) }),
    links: z.object({ related: z.string() }).optional(),
  });

/** A connection: the (user, vehicle) grant with its permissions (reference §3.2). */
export const connectionSchema = z.object({
  id: z.string().min(1),
  type: z.literal('connection'),
  attributes: z.object({
    permissions: z.array(permissionSchema),
    vehicle: vehicleAttributesSchema,
    user: z.object({ id: z.string().min(1), externalId: z.string().optional() }),
  }),
  relationships: z.object({ vehicle: relationship('vehicle'), user: relationship('user') }),
  meta: z.object({ createdAt: isoTimestamp, updatedAt: isoTimestamp }),
  links: z.object({ self: z.string() }),
});
export type Connection = z.infer<typeof connectionSchema>;

/**
 * The getting-started guide's flat shape (reference §11), which the emulator
 * serves beside the JSON:API `data` so that code written from the guide runs.
 */
export const guideConnectionSchema = z.object({
  vehicleId: z.string().min(1),
  userId: z.string().min(1),
  connectedAt: isoTimestamp,
  permissions: z.array(permissionSchema),
  mode: vehicleModeSchema,
});
export type GuideConnection = z.infer<typeof guideConnectionSchema>;

/** `GET /v3/connections` (reference §3.2 plus §11). */
export const connectionListResponseSchema = z.object({
  data: z.array(connectionSchema),
  meta: pageMetaSchema,
  links: pageLinksSchema,
  connections: z.array(guideConnectionSchema),
});
export type ConnectionListResponse = z.infer<typeof connectionListResponseSchema>;

/** `GET /v3/connections/{id}`. */
export const connectionResponseSchema = z.object({ data: connectionSchema });

/** Query filters of `GET /v3/connections`. */
export const CONNECTION_FILTERS = {
  userId: 'filter[userId]',
  vehicleId: 'filter[vehicleId]',
  vehicleMode: 'filter[vehicle.mode]',
  userExternalId: 'filter[user.externalId]',
} as const;

/** `page[size]` default of `/v3/connections` (reference §3.2; ⚠ 10 chosen over 25/50). */
export const CONNECTIONS_DEFAULT_PAGE_SIZE = 10;
