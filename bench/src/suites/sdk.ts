import { SmartcarClient } from '@paddock/sdk';
import { startServer } from '../child.js';
import { closedLoop } from '../closed-loop.js';
import { printTable, type Row } from '../table.js';
import type { EmulatorInfo } from './emulator.js';

/** Throws if a load had failures, so a table never reports the speed of errors. */
function clean<R extends { errors: number }>(name: string, r: R): R {
  if (r.errors > 0) throw new Error(`${name}: ${r.errors} failed calls`);
  return r;
}

/**
 * The SDK's overhead: the same reads through `SmartcarClient` and through
 * plain `fetch` with a fixed token, against one emulator in one run.
 */
export async function sdkOverhead(): Promise<void> {
  const emulator = await startServer<EmulatorInfo>('emulator', ['10']);
  try {
    const { url, token, first, clientId, clientSecret } = emulator.info;
    const client = new SmartcarClient({ clientId, clientSecret, emulatorOrigin: url });
    const headers = { authorization: `Bearer ${token}`, 'sc-user-id': first.userId };
    const plainGet = (path: string) => async () => {
      const res = await fetch(`${url}${path}`, { headers });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    };
    const vehiclePath = `/v3/vehicles/${first.vehicleId}`;
    await client.vehicles.retrieve(first.vehicleId); // the token, once, outside the measurement

    const plainVehicle = clean('fetch vehicle', await closedLoop(plainGet(vehiclePath)));
    const sdkVehicle = clean(
      'sdk vehicle',
      await closedLoop(() => client.vehicles.retrieve(first.vehicleId)),
    );
    const plainSignals = clean('fetch signals', await closedLoop(plainGet(`${vehiclePath}/signals`)));
    const sdkSignals = clean(
      'sdk signals',
      await closedLoop(() => client.signals.list(first.vehicleId, { userId: first.userId })),
    );
    const row = (name: string, r: typeof sdkVehicle, base: typeof sdkVehicle): Row => {
      const ratio = r.rps / base.rps;
      return { name, ...r, ratio, target: '≥ 0.9× fetch', met: ratio >= 0.9 };
    };
    printTable('SDK overhead (ratio: against plain fetch with a fixed token)', [
      { name: 'fetch GET /v3/vehicles/{id} (baseline)', ...plainVehicle, ratio: 1 },
      row('client.vehicles.retrieve', sdkVehicle, plainVehicle),
      { name: 'fetch GET /v3/vehicles/{id}/signals (baseline)', ...plainSignals, ratio: 1 },
      row('client.signals.list', sdkSignals, plainSignals),
    ]);
  } finally {
    await emulator.stop();
  }
}
