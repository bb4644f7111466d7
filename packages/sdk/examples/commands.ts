import { randomUUID } from 'node:crypto';
import { type SmartcarClient, VehicleStateError } from '@paddock/sdk';

export async function chargeTo(smartcar: SmartcarClient, userId: string, vehicleId: string, percent: number) {
  const car = smartcar.forUser(userId);
  await car.commands.setChargeLimit(vehicleId, percent);
  try {
    // A long-running command is answered 202 and its result follows on the same
    // response: the call waits for it (commandTimeout, default 310 s). An
    // idempotency key lets a failed attempt be retried: safe only where the
    // server de-duplicates by it (Smartcar documents no such key).
    const { data, requestId } = await car.commands
      .startCharge(vehicleId, { idempotencyKey: randomUUID() })
      .withResponse();
    return `${data.status} (${data.executionMode}), request ${requestId}`;
  } catch (error) {
    if (error instanceof VehicleStateError && error.code === 'CHARGING_PLUG_NOT_CONNECTED') {
      return error.suggestedUserMessage ?? 'Plug the car in first.';
    }
    throw error;
  }
}
