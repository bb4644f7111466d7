import { Agent, get as httpGet } from 'node:http';
import { SmartcarClient } from '@paddock/sdk';
import { startServer } from '../child.js';
import { closedLoop } from '../closed-loop.js';
import { assertClean, inRounds, medianRatio, medianRound, ratioRange } from '../rounds.js';
import { printTable, type Row } from '../table.js';
import type { EmulatorInfo } from './emulator.js';

/**
 * The SDK's overhead: the same reads through `SmartcarClient` and through
 * plain `fetch` with a fixed token, against one emulator in one run, in
 * alternated rounds (the ratio is the median of the rounds' ratios). The
 * client runs on its default transport (`node:http`) and, in rows of their
 * own, forced onto the global `fetch`; plain `http.request` with a keep-alive
 * agent shows what the default transport itself allows.
 */
export async function sdkOverhead(): Promise<void> {
  const emulator = await startServer<EmulatorInfo>('emulator', ['10']);
  try {
    const { url, token, first, clientId, clientSecret } = emulator.info;
    const client = new SmartcarClient({ clientId, clientSecret, emulatorOrigin: url });
    const onFetch = new SmartcarClient({
      clientId,
      clientSecret,
      emulatorOrigin: url,
      fetch: globalThis.fetch,
    });
    const headers = { authorization: `Bearer ${token}`, 'sc-user-id': first.userId };
    const plainGet = (path: string) => async () => {
      const res = await fetch(`${url}${path}`, { headers });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    };
    const agent = new Agent({ keepAlive: true });
    const httpRequestGet = (path: string) => () =>
      new Promise<unknown>((resolve, reject) => {
        httpGet(`${url}${path}`, { agent, headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () =>
            res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(String(res.statusCode))),
          );
          res.on('error', reject);
        }).on('error', reject);
      });
    const vehiclePath = `/v3/vehicles/${first.vehicleId}`;
    // The token, once per client, outside the measurement.
    await client.vehicles.retrieve(first.vehicleId);
    await onFetch.vehicles.retrieve(first.vehicleId);

    const r = await inRounds({
      plainVehicle: () => closedLoop(plainGet(vehiclePath)),
      httpVehicle: () => closedLoop(httpRequestGet(vehiclePath)),
      sdkVehicle: () => closedLoop(() => client.vehicles.retrieve(first.vehicleId)),
      sdkFetchVehicle: () => closedLoop(() => onFetch.vehicles.retrieve(first.vehicleId)),
      plainSignals: () => closedLoop(plainGet(`${vehiclePath}/signals`)),
      httpSignals: () => closedLoop(httpRequestGet(`${vehiclePath}/signals`)),
      sdkSignals: () => closedLoop(() => client.signals.list(first.vehicleId, { userId: first.userId })),
      sdkFetchSignals: () =>
        closedLoop(() => onFetch.signals.list(first.vehicleId, { userId: first.userId })),
    });
    agent.destroy();
    for (const [name, results] of Object.entries(r)) assertClean(name, results);
    type Results = typeof r.sdkVehicle;
    /** A row measured against `base`; only the default client carries the target. */
    const row = (name: string, subject: Results, base: Results, target = false): Row => {
      const ratio = medianRatio(subject, base);
      return {
        name,
        ...medianRound(subject),
        extra: ratioRange(subject, base),
        ratio,
        ...(target ? { target: '≥ 0.9× fetch', met: ratio >= 0.9 } : {}),
      };
    };
    printTable('SDK overhead (ratio: against plain fetch with a fixed token; median of rounds)', [
      { name: 'fetch GET /v3/vehicles/{id} (baseline)', ...medianRound(r.plainVehicle), ratio: 1 },
      row('http.request GET /v3/vehicles/{id}, keep-alive agent', r.httpVehicle, r.plainVehicle),
      row('client.vehicles.retrieve (default: node:http)', r.sdkVehicle, r.plainVehicle, true),
      row('client.vehicles.retrieve (fetch: globalThis.fetch)', r.sdkFetchVehicle, r.plainVehicle),
      { name: 'fetch GET /v3/vehicles/{id}/signals (baseline)', ...medianRound(r.plainSignals), ratio: 1 },
      row('http.request GET /v3/vehicles/{id}/signals, keep-alive agent', r.httpSignals, r.plainSignals),
      row('client.signals.list (default: node:http)', r.sdkSignals, r.plainSignals, true),
      row('client.signals.list (fetch: globalThis.fetch)', r.sdkFetchSignals, r.plainSignals),
    ]);
  } finally {
    await emulator.stop();
  }
}
