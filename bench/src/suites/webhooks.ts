import { randomUUID } from 'node:crypto';
import { signWebhookForTest } from '@paddock/sdk';
import type autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_MANAGEMENT_TOKEN, startApp } from '../app-process.js';
import { signedInSession } from '../app-session.js';
import { startServer } from '../child.js';
import { load } from '../load.js';
import { freePort } from '../ports.js';
import { printTable, type Row } from '../table.js';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;

/** A signed VEHICLE_STATE delivery, a new event each time, values moving forward in time. */
function deliveries(
  vehicleId: string,
  userId: string,
): () => { body: string; headers: Record<string, string> } {
  let n = 0;
  return () => {
    n++;
    const at = Date.UTC(2026, 10, 1) + n * 1000;
    const event = {
      eventId: randomUUID(),
      eventType: 'VEHICLE_STATE',
      data: {
        user: { id: userId },
        vehicle: {
          id: vehicleId,
          make: 'TESLA',
          model: 'Model 3',
          year: 2024,
          mode: 'simulated',
          powertrainType: 'BEV',
        },
        signals: [
          {
            code: 'tractionbattery-stateofcharge',
            name: 'StateOfCharge',
            group: 'TractionBattery',
            body: { value: n % 100, unit: 'percent' },
            status: { value: 'SUCCESS' },
            meta: { oemUpdatedAt: at, retrievedAt: at },
          },
          {
            code: 'odometer-traveleddistance',
            name: 'TraveledDistance',
            group: 'Odometer',
            body: { value: 10_000 + n, unit: 'km' },
            status: { value: 'SUCCESS' },
            meta: { oemUpdatedAt: at, retrievedAt: at },
          },
        ],
      },
      triggers: [{ type: 'SIGNAL_UPDATED', signal: { code: 'tractionbattery-stateofcharge' } }],
      meta: {
        version: '4.0',
        webhookId: randomUUID(),
        deliveryId: randomUUID(),
        deliveredAt: at,
        mode: 'TEST',
      },
    };
    return signWebhookForTest(event, BENCH_MANAGEMENT_TOKEN);
  };
}

async function ingest(
  url: string,
  vehicle: { vehicleId: string; userId: string } = { vehicleId: randomUUID(), userId: randomUUID() },
) {
  const next = deliveries(vehicle.vehicleId, vehicle.userId);
  return load({
    url,
    method: 'POST',
    setupRequest: (request: autocannon.Request) => {
      const { body, headers } = next();
      return { ...request, body, headers: { ...request.headers, ...headers } };
    },
  });
}

/** A schema of its own on the PostgreSQL server, dropped afterwards. */
async function withSchema<T>(url: string, run: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
    return await run(schemaUrl.toString());
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/**
 * Webhook ingestion: signed events verified, stored once and acknowledged
 * after the commit, on SQLite and PostgreSQL, against a bare node:http
 * server that only reads the body and answers 200.
 */
export async function webhookIngestion(): Promise<void> {
  const bare = await startServer<{ url: string }>('bare');
  const baseline = await ingest(`${bare.info.url}/webhooks/smartcar`);
  await bare.stop();
  const rows: Row[] = [{ name: 'bare node:http acknowledging (baseline)', ...baseline, ratio: 1 }];

  const measure = async (name: string, databaseUrl?: string) => {
    const app = await startApp(await freePort(), await freePort(), { databaseUrl, logLevel: 'warn' });
    try {
      // Values are applied only for a vehicle an account holds: connect one first, as a person would.
      const { userId, vehicleIds } = await signedInSession(app, 1);
      const r = await ingest(`${app.url}/webhooks/smartcar`, { vehicleId: vehicleIds[0]!, userId });
      if (r.errors > 0 || r.non2xx > 0) throw new Error(`${name}: ${r.errors} errors, ${r.non2xx} non-2xx`);
      const ratio = r.rps / baseline.rps;
      const row: Row = { name, ...r, ratio };
      if (!databaseUrl) Object.assign(row, { target: '≥ 5,000 events/s', met: r.rps >= 5000 });
      rows.push(row);
    } finally {
      await app.stop();
    }
  };
  await measure('app, POST /webhooks/smartcar on SQLite');
  if (POSTGRES_URL) {
    await withSchema(POSTGRES_URL, (url) => measure('app, POST /webhooks/smartcar on PostgreSQL', url));
  } else {
    rows.push({ name: 'app on PostgreSQL', extra: 'skipped: set TEST_DATABASE_URL' });
  }
  printTable('Webhook ingestion, events/s (ratio: against the bare server)', rows);
}
