import type { RequestContext } from './core/request.js';
import { ChargeSchedules } from './resources/charge-schedules.js';
import { Commands } from './resources/commands.js';
import { Connections } from './resources/connections.js';
import { Signals } from './resources/signals.js';
import { Vehicles } from './resources/vehicles.js';

/**
 * The Vehicle API acting for one user, from `client.forUser(userId)`: every
 * call sends that user's `sc-user-id`, so `userId` need not be repeated.
 *
 * @example
 * const alice = smartcar.forUser(userId);
 * await alice.commands.lock(vehicleId);
 */
export class UserClient {
  /** The bound Smartcar user id. */
  readonly userId: string;
  /** The user's connections (`filter[userId]` set). */
  readonly connections: Connections;
  /** `vehicles.retrieve()`. */
  readonly vehicles: Vehicles;
  /** `signals.list()`, `signals.retrieve()` for this user. */
  readonly signals: Signals;
  /** The eight commands and `retrieve()` for this user. */
  readonly commands: Commands;
  /** Charge schedules for this user. */
  readonly chargeSchedules: ChargeSchedules;

  /** @internal built by `SmartcarClient.forUser()`. */
  constructor(ctx: RequestContext & { userId: string }) {
    this.userId = ctx.userId;
    this.connections = new Connections(ctx);
    this.vehicles = new Vehicles(ctx);
    this.signals = new Signals(ctx);
    this.commands = new Commands(ctx);
    this.chargeSchedules = new ChargeSchedules(ctx);
  }
}
