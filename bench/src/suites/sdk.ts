import { SmartcarClient } from '@paddock/sdk';
import { startServer } from '../child.js';
import { closedLoop } from '../closed-loop.js';
import { assertClean, inRounds, medianRatio, medianRound, ratioRange } from '../rounds.js';
import { printTable, type Row } from '../table.js';
import type { EmulatorInfo } from './emulator.js';

/**
 * The SDK's overhead: the same reads through `SmartcarClient` and through
 * plain `fetch` with a fixed token, against one emulator in one run, in
 * alternated rounds (the ratio is the median of the rounds' ratios).
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

    const r = await inRounds({
      plainVehicle: () => closedLoop(plainGet(vehiclePath)),
      sdkVehicle: () => closedLoop(() => client.vehicles.retrieve(first.vehicleId)),
      plainSignals: () => closedLoop(plainGet(`${vehiclePath}/signals`)),
      sdkSignals: () => closedLoop(() => client.signals.list(first.vehicleId, { userId: first.userId })),
    });
    for (const [name, results] of Object.entries(r)) assertClean(name, results);
    const row = (name: string, subject: typeof r.sdkVehicle, base: typeof r.sdkVehicle): Row => {
      const ratio = medianRatio(subject, base);
      return {
        name,
        ...medianRound(subject),
        extra: ratioRange(subject, base),
        ratio,
        target: '≥ 0.9× fetch',
        met: ratio >= 0.9,
      };
    };
    printTable('SDK overhead (ratio: against plain fetch with a fixed token; median of rounds)', [
      { name: 'fetch GET /v3/vehicles/{id} (baseline)', ...medianRound(r.plainVehicle), ratio: 1 },
      row('client.vehicles.retrieve', r.sdkVehicle, r.plainVehicle),
      { name: 'fetch GET /v3/vehicles/{id}/signals (baseline)', ...medianRound(r.plainSignals), ratio: 1 },
      row('client.signals.list', r.sdkSignals, r.plainSignals),
    ]);
  } finally {
    await emulator.stop();
  }
}
