import { SmartcarClient } from '@paddock/sdk';

// SMARTCAR_CLIENT_ID, SMARTCAR_CLIENT_SECRET, SMARTCAR_REDIRECT_URI, SMARTCAR_MODE
const smartcar = SmartcarClient.fromEnv();

// 1. GET /login: send the user to Smartcar Connect.
export function loginUrl(state: string): string {
  return smartcar.buildConnectUrl({ scope: ['read_vehicle_info'], state });
}

// 2. GET /exchange?user_id=…&state=…: check `state`, store `user_id` server-side.

// 3. GET /vehicle: the application token is fetched, cached and renewed for you.
export async function firstVehicle(userId: string) {
  const { data: connections } = await smartcar.connections.list({ userId });
  const first = connections[0];
  return first && smartcar.vehicles.retrieve(first.vehicleId, { userId });
}
