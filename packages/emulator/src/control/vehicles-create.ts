import {
  PERMISSIONS,
  type Permission,
  type PowertrainType,
  powertrainTypeSchema,
  SIGNAL_CODES,
  SIGNALS,
  type SignalDefinition,
  signalFitsPowertrain,
} from '@paddock/contract';
import { z } from 'zod';
import type { EmulatorDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { CATALOGUE, findMake } from '../simulation/catalogue.js';
import { deterministicUuid, seededRandom } from '../simulation/seeded.js';
import { isPlugIn } from '../simulation/vehicle-specs.js';
import { generateVin } from '../simulation/vin.js';

/** `POST /_emulator/vehicles`: the dashboard's Vehicle Simulator (reference §10) as an API. */
export const createVehicleSchema = z
  .object({
    /** The application the vehicle is connected to (client id or application id). */
    clientId: z.string().min(1),
    /** The user: an existing user id, or an email (the same email always gives the same user). */
    userId: z.string().min(1).optional(),
    email: z
      .string()
      .trim()
      .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address')
      .optional(),
    powertrainType: powertrainTypeSchema,
    nickname: z.string().max(100).optional(),
    make: z.string().min(1).optional(),
  })
  .strict()
  .refine((b) => (b.userId === undefined) !== (b.email === undefined), {
    message: 'give either userId or email',
  });
export type CreateVehicleInput = z.infer<typeof createVehicleSchema>;

/** Every permission a vehicle of this powertrain can use: the readable signals' and the commands'. */
export function compatiblePermissions(powertrain: PowertrainType): Permission[] {
  const granted = new Set<Permission>(['read_vehicle_info', 'control_security', 'control_navigation']);
  for (const code of SIGNAL_CODES) {
    if (signalFitsPowertrain(code, powertrain)) granted.add((SIGNALS[code] as SignalDefinition).permission);
  }
  if (isPlugIn(powertrain)) granted.add('control_charge');
  return PERMISSIONS.filter((p) => granted.has(p));
}

const invalid = (detail: string) => new ApiError('VALIDATION', 'INVALID_INPUT_FORMAT', { detail });

/**
 * Creates a simulated vehicle of the given powertrain (a catalogue model of
 * the make when given) and connects it to the user for the application in
 * simulated mode with every compatible permission, as Smartcar's simulator does.
 */
export function createSimulatedVehicle(deps: EmulatorDeps, input: CreateVehicleInput) {
  const { store, clock, ids, seed } = deps;
  const application =
    store.applications.findByClientId(input.clientId) ?? store.applications.findById(input.clientId);
  if (!application) throw invalid(`Unknown clientId ${input.clientId}.`);
  const now = clock.now();
  let userId: string;
  if (input.userId !== undefined) {
    if (!store.users.findById(input.userId)) throw invalid(`Unknown userId ${input.userId}.`);
    userId = input.userId;
  } else {
    const email = input.email!.toLowerCase();
    userId = store.users.ensure({ id: deterministicUuid(seed, `user:${email}`), email, createdAt: now }).id;
  }
  const brand = input.make === undefined ? undefined : findMake(input.make);
  if (input.make !== undefined && !brand) throw invalid(`Unknown make ${input.make}.`);

  const vehicleId = ids.uuid();
  const random = seededRandom(seed, `simulated-vehicle:${vehicleId}`);
  const models = (brand ? [brand] : CATALOGUE).flatMap((make) =>
    make.models.filter((m) => m.powertrains.includes(input.powertrainType)).map((model) => ({ make, model })),
  );
  if (models.length === 0) throw invalid(`${brand?.name ?? 'No make'} has no ${input.powertrainType} model.`);
  const { make, model } = random.pick(models);
  const year = random.int(model.years[0], model.years[1]);
  const vehicle = store.vehicles.ensure({
    id: vehicleId,
    vin: generateVin(random, make.wmi, year),
    make: make.make,
    model: model.model,
    year,
    powertrainType: input.powertrainType,
  });
  const permissions = compatiblePermissions(input.powertrainType);
  const connectionId = ids.uuid();
  store.connections.insert({
    id: connectionId,
    applicationId: application.id,
    userId,
    vehicleId,
    permissions,
    mode: 'simulated',
    createdAt: now,
    updatedAt: now,
  });
  // A new simulated vehicle starts parked and unplugged, whatever its seed would say.
  if (deps.simulator.state(vehicleId).charger) deps.simulator.unplug(vehicleId);
  if (input.nickname !== undefined) {
    deps.simulator.setSignal(vehicleId, 'vehicleidentification-nickname', { value: input.nickname });
  }
  return { vehicle, userId, connectionId, permissions };
}
