import { SmartcarClient, type Vehicle } from '@paddock/sdk';
import Database from 'better-sqlite3';
import type { Stack } from './stack.js';

/** What the emulator holds for the stack's development application, read through the SDK. */
export async function vehiclesHeldByEmulator(stack: Stack): Promise<Vehicle[]> {
  const client = new SmartcarClient({
    clientId: stack.credentials.clientId,
    clientSecret: stack.credentials.clientSecret,
    emulatorOrigin: stack.emulatorUrl,
  });
  const vehicles: Vehicle[] = [];
  for await (const connection of client.connections.list({ vehicleMode: 'simulated' })) {
    vehicles.push(await client.vehicles.retrieve(connection.vehicleId));
  }
  return vehicles;
}

/** Number of Smartcar user ids the app has stored, read straight from its SQLite file. */
export function storedSmartcarUsers(stack: Stack): number {
  const db = new Database(stack.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select count(*) as n from smartcar_users').get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
