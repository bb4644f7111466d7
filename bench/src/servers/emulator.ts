import { createEmulator, generateDevelopmentCredentials, startEmulator } from '@paddock/emulator';
import { serveQuestions } from '../child.js';

/**
 * An emulator with `vehicles` connected vehicles (argv[2], default 10),
 * spread over users of at most 999 vehicles (Connect's `<n>-vehicles@`
 * logins), served on a free port.
 */
const wanted = Number(process.argv[2] ?? 10);
const credentials = generateDevelopmentCredentials(['http://localhost:8000/exchange']);
const emulator = createEmulator({ applications: [credentials] });

const connectionsOf: { userId: string; vehicleIds: string[] }[] = [];
for (let left = wanted, n = 0; left > 0; n++) {
  const size = Math.min(left, 999);
  const response = await emulator.fetch('/_emulator/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: credentials.clientId,
      // Distinct accounts: the part before "-vehicles" must differ, so add a plus tag.
      email: `${size}-vehicles+bench${n}@smartcar.com`,
      permissions: ['read_vehicle_info', 'read_battery', 'read_charge', 'read_odometer', 'read_location'],
      mode: 'live',
    }),
  });
  if (!response.ok) throw new Error(`connect failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { userId: string; vehicleIds: string[] };
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

serveQuestions(
  {
    url: server.url,
    token,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    vehicleCount: vehicles.length,
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
