import { createEmulator, generateDevelopmentCredentials, startEmulator } from '@paddock/emulator';
import { serveQuestions } from '../child.js';

/**
 * An emulator with `vehicles` connected vehicles (argv[2], default 10): one
 * BEV (a `<VIN>@bev.smartcar.com` login, whose full signal list the
 * throughput suite reads), the rest spread over users of at most 999
 * vehicles (Connect's `<n>-vehicles@` logins), served on a free port. Every
 * vehicle's simulated state exists before the first measurement.
 */
const wanted = Math.max(1, Number(process.argv[2] ?? 10));
const credentials = generateDevelopmentCredentials(['http://localhost:8000/exchange']);
const emulator = createEmulator({ applications: [credentials] });

async function connect(email: string): Promise<{ userId: string; vehicleIds: string[] }> {
  const response = await emulator.fetch('/_emulator/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: credentials.clientId,
      email,
      permissions: ['read_vehicle_info', 'read_battery', 'read_charge', 'read_odometer', 'read_location'],
      mode: 'live',
    }),
  });
  if (!response.ok) throw new Error(`connect failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { userId: string; vehicleIds: string[] };
}

const connectionsOf = [await connect('5YJ3E1EA7KF317000@bev.smartcar.com')];
for (let left = wanted - 1, n = 0; left > 0; n++) {
  // Distinct accounts: the part before "-vehicles" must differ, so add a plus tag.
  const body = await connect(`${Math.min(left, 999)}-vehicles+bench${n}@smartcar.com`);
  connectionsOf.push(body);
  left -= body.vehicleIds.length;
}

const server = await startEmulator({ port: 0, emulator });
const tokenResponse = await fetch(`${server.url}/oauth2/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  }),
});
const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

const vehicles = connectionsOf.flatMap((c) =>
  c.vehicleIds.map((vehicleId) => ({ vehicleId, userId: c.userId })),
);

// The simulation creates a vehicle's state on its first read; read every one
// now (in process, through the control surface), so that memory is measured
// with all of them alive and no load pays for a first read.
for (const { vehicleId } of vehicles) {
  const response = await emulator.fetch(`/_emulator/vehicles/${vehicleId}`);
  if (!response.ok) throw new Error(`reading ${vehicleId} failed: ${response.status}`);
  const { data } = (await response.json()) as { data: { powertrainType?: string } };
  if (vehicleId === vehicles[0]!.vehicleId && data.powertrainType !== 'BEV') {
    throw new Error(`the signal list's vehicle is ${data.powertrainType}, not a BEV`);
  }
}

serveQuestions(
  {
    url: server.url,
    token,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    vehicleCount: vehicles.length,
    /** The BEV. */
    first: vehicles[0],
    // Every vehicle's read path, so a load can rotate through all of them.
    vehiclePaths: vehicles.map((v) => `/v3/vehicles/${v.vehicleId}`),
  },
  {
    rss: () => process.memoryUsage().rss,
    gc: () => {
      globalThis.gc?.();
      return process.memoryUsage().rss;
    },
  },
);
