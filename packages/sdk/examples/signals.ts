import type { SmartcarClient } from '@paddock/sdk';

export async function batteryReport(smartcar: SmartcarClient, userId: string, vehicleId: string) {
  const car = smartcar.forUser(userId); // every call sends sc-user-id

  // One signal, typed by its code: `body` is { value: number | null; unit: 'percent' }.
  const soc = await car.signals.retrieve(vehicleId, 'tractionbattery-stateofcharge');
  if (soc.status !== 'SUCCESS') return `No reading: ${soc.error?.code ?? soc.status}`;

  // Every signal at once; one that failed (permission, powertrain) does not fail the list.
  const signals = await car.signals.list(vehicleId, { unitSystem: 'imperial' });
  const range = signals.body('tractionbattery-range');
  return `${soc.body.value} % as of ${soc.oemUpdatedAt?.toISOString()}, ${range?.value ?? '?'} ${range?.unit ?? ''}`;
}
