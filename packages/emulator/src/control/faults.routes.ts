import { ERROR_CATALOGUE, ERROR_TYPES, type ErrorType } from '@paddock/contract';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import type { EmulatorEnv } from '../http/env.js';
import type { FaultRegistry, FaultSpec } from '../http/faults.js';
import { readControlBody } from './control-json.js';

const faultSchema = z
  .object({
    type: z.enum(ERROR_TYPES as [ErrorType, ...ErrorType[]]).optional(),
    code: z.string().nullable().optional(),
    status: z.number().int().min(400).max(599).optional(),
    detail: z.string().max(1000).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    pathPattern: z.string().startsWith('/').max(500).optional(),
    method: z
      .string()
      .regex(/^[A-Za-z]+$/)
      .optional(),
    vehicleId: z.string().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.type === undefined) {
      if (f.latencyMs === undefined)
        ctx.addIssue({ code: 'custom', message: 'give a type (an error) or latencyMs (a delay)' });
      if (f.code != null || f.status !== undefined || f.retryAfter !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['type'], message: 'code, status and retryAfter need a type' });
      }
      return;
    }
    const codes: readonly string[] = ERROR_CATALOGUE[f.type].codes;
    if (f.code != null && !codes.includes(f.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `must be one of ${codes.join(', ')} for ${f.type}`,
      });
    }
  });

/**
 * `POST /_emulator/faults` (201 with the fault and its id), `GET /_emulator/faults`,
 * `DELETE /_emulator/faults/{id}` (204, 404 when unknown). Faults apply to
 * `/v3/*` requests, oldest first; see `FaultSpec`.
 */
export function faultRoutes(deps: { faults: FaultRegistry }): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post('/_emulator/faults', async (c) => {
    const body = await readControlBody(c, faultSchema);
    return c.json(deps.faults.add(body as FaultSpec), 201);
  });

  app.get('/_emulator/faults', (c) => c.json({ faults: deps.faults.list() }));

  app.delete('/_emulator/faults/:id', (c) => {
    const id = c.req.param('id');
    if (!deps.faults.remove(id))
      throw new ApiError('RESOURCE_NOT_FOUND', null, { detail: `No fault with id ${id}.` });
    return c.body(null, 204);
  });

  return app;
}
