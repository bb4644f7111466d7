import { POWERTRAIN_TYPES, type PowertrainType } from '@paddock/contract';
import type { VehicleRow } from '../../db/tables.js';
import type { ListedVehicle } from './vehicles.service.js';

/**
 * A stored vehicle row as the dashboard shows it. Details Smartcar has not
 * given (a connection listed without attributes and not yet fetched) read
 * as empty rather than failing the page.
 */
export function toListedVehicle(
  row: Pick<VehicleRow, 'vehicle_id' | 'make' | 'model' | 'year' | 'powertrain' | 'smartcar_user_id'>,
): ListedVehicle {
  const vehicle: ListedVehicle = {
    id: row.vehicle_id,
    make: row.make ?? '',
    model: row.model ?? '',
    year: row.year ?? 0,
    smartcarUserId: row.smartcar_user_id,
  };
  if (row.powertrain !== null && (POWERTRAIN_TYPES as readonly string[]).includes(row.powertrain))
    vehicle.powertrainType = row.powertrain as PowertrainType;
  return vehicle;
}
