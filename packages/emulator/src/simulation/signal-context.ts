import type { ChargeScheduleRecord } from '../store/charge-schedules.js';
import type { VehicleRecord } from '../store/records.js';
import type { VehicleAnchor } from './vehicle-anchor.js';
import type { VehicleSpec } from './vehicle-specs.js';
import type { VehicleState } from './vehicle-state.js';

/** What a signal body is computed from. */
export interface SignalContext {
  vehicle: VehicleRecord;
  anchor: VehicleAnchor;
  spec: VehicleSpec;
  state: VehicleState;
  /** The vehicle's charge schedules; read only by `charge-chargetimers`. */
  schedules(): readonly ChargeScheduleRecord[];
}
