import type { Permission } from '@paddock/contract';
import { createEmulator, generateDevelopmentCredentials, startEmulator } from '../src/index.js';
import { recordingLogger } from './helpers/logger.js';
import { useServedBev } from './helpers/served.js';
import { addApplication, connectOk, getToken } from './helpers/setup.js';
import { byCode, parseSignalList } from './helpers/signals.js';
import { apiRequest } from './helpers/vehicle-actions.js';

// `GET /v3/vehicles/{id}` and the signal list are answered straight from
// Node's request over HTTP (http/direct-reads.ts), and the list is kept while
// nothing it is made from changes (simulation/signal-list-memo.ts). These
// tests hold both to the answers of the full pipeline.

const serveBev = useServedBev();

const READ: Permission[] = ['read_vehicle_info', 'read_battery', 'read_charge', 'read_security'];

async function served(permissions: Permission[] = READ) {
  const bev = await serveBev(permissions);
  const url = bev.url;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/v3/vehicles/${bev.vehicleId}${path}`, {
      headers: { authorization: `Bearer ${bev.token}`, 'sc-user-id': bev.userId, ...headers },
    });
  const control = (path: string, body: unknown, method = 'POST') =>
    bev.t.fetch(`/_emulator${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { ...bev, url, get, control };
}

describe('direct reads over HTTP', () => {
  it('steps aside for an injected fault, and the fault answers', async () => {
    const s = await served();
    expect((await s.get('')).status).toBe(200);
    const fault = await s.control('/faults', {
      type: 'UPSTREAM',
      code: 'UNKNOWN_ISSUE',
      vehicleId: s.vehicleId,
      retryAfter: 7,
      count: 2,
    });
    expect(fault.status).toBe(201);
    for (const path of ['', '/signals']) {
      const res = await s.get(path);
      expect(res.status, path).toBe(502);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(((await res.json()) as { errors: { type: string }[] }).errors[0]!.type).toBe('UPSTREAM');
    }
    // Spent: the direct path serves again.
    expect((await s.get('/signals')).status).toBe(200);
  });

  it('steps aside while rate limits are on, and the limit answers 429', async () => {
    const s = await served();
    const limits = await s.control(
      '/settings/rate-limits',
      { enabled: true, vehicle: { capacity: 2, refillPerMinute: 1 } },
      'PUT',
    );
    expect(limits.status).toBe(200);
    expect((await s.get('')).status).toBe(200);
    expect((await s.get('/signals')).status).toBe(200);
    const limited = await s.get('');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a trailing slash as the resource, and a query through the full pipeline alike', async () => {
    const s = await served();
    const plain = await (await s.get('/signals')).text();
    expect(await (await s.get('/signals/')).text()).toBe(plain);
    expect(await (await s.get('/signals?x=1')).text()).toBe(plain);
    expect(await (await s.get('/')).json()).toEqual(await (await s.get('')).json());
  });

  it('logs each direct read with its route pattern, as the pipeline logs', async () => {
    const logger = recordingLogger();
    const { lines } = logger;
    const emulator = createEmulator({ logger });
    const app = generateDevelopmentCredentials(['http://localhost:8000/exchange']);
    emulator.registerApplication(app);
    const t = { fetch: emulator.fetch };
    const { userId, vehicleIds } = await connectOk(t, {
      clientId: app.clientId,
      email: '5YJ3E1EA7KF317000@bev.smartcar.com',
      permissions: READ,
    });
    const token = await getToken(t, app);
    const server = await startEmulator({ port: 0, emulator, tickMs: 0 });
    try {
      lines.length = 0;
      const headers = { authorization: `Bearer ${token}`, 'sc-user-id': userId };
      for (const path of ['', '/signals']) {
        const res = await fetch(`${server.url}/v3/vehicles/${vehicleIds[0]}${path}`, { headers });
        expect(res.status).toBe(200);
        const logged = lines.at(-1)!;
        expect(logged).toMatchObject({
          method: 'GET',
          status: 200,
          requestId: res.headers.get('sc-request-id'),
        });
      }
      expect(lines.map((l) => l.route)).toEqual([
        '/v3/vehicles/:vehicleId',
        '/v3/vehicles/:vehicleId/signals',
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('the vehicle read', () => {
  it('shows a reconnection in another mode at once', async () => {
    const s = await served();
    const mode = async () =>
      ((await (await s.get('')).json()) as { data: { attributes: { mode: string } } }).data.attributes.mode;
    const before = await mode();
    const other = before === 'live' ? 'simulated' : 'live';
    await connectOk(s.t, {
      clientId: s.t.app.clientId,
      email: '5YJ3E1EA7KF317000@bev.smartcar.com',
      permissions: READ,
      mode: other,
    });
    expect(await mode()).toBe(other);
  });
});

describe('the signal list at one frozen instant', () => {
  it('shows a change made between two reads at the same instant', async () => {
    const s = await served();
    const before = await parseSignalList(await s.get('/signals'));
    expect(byCode(before, 'charge-ischargingcableconnected').attributes.body).toMatchObject({ value: false });
    const plugged = await s.control(`/vehicles/${s.vehicleId}/plug-in`, { powerKw: 11 });
    expect(plugged.status).toBe(200);
    const after = await parseSignalList(await s.get('/signals'));
    expect(byCode(after, 'charge-ischargingcableconnected').attributes.body).toMatchObject({ value: true });

    const edited = await s.control(
      `/vehicles/${s.vehicleId}/signals/closure-islocked`,
      { value: false },
      'PUT',
    );
    expect(edited.status).toBe(200);
    const unlocked = await parseSignalList(await s.get('/signals'));
    expect(byCode(unlocked, 'closure-islocked').attributes.body).toMatchObject({ value: false });
  });

  it('shows a charge schedule created between two reads at the same instant', async () => {
    const s = await served([...READ, 'control_charge']);
    const timers = async () =>
      byCode(await parseSignalList(await s.get('/signals')), 'charge-chargetimers').attributes.body as {
        values: unknown[];
      };
    const before = (await timers()).values.length;
    const created = await apiRequest(s.t, 'POST', `/v3/vehicles/${s.vehicleId}/charge-schedules/daily`, {
      token: s.token,
      userId: s.userId,
      body: {
        data: {
          attributes: { location: { latitude: 1, longitude: 2 }, startTime: '08:00', stopTime: '09:00' },
        },
      },
    });
    expect(created.status).toBe(200);
    expect((await timers()).values.length).toBe(before + 1);
  });

  it('answers each reader with its own permissions and units at the same instant', async () => {
    const s = await served();
    // Another application's connection to the same car, with fewer permissions.
    const otherApp = addApplication(s.t.emulator);
    const other = await connectOk(s.t, {
      clientId: otherApp.clientId,
      email: '5YJ3E1EA7KF317000@bev.smartcar.com',
      permissions: ['read_vehicle_info'],
    });
    expect(other.vehicleIds).toEqual([s.vehicleId]);
    const otherToken = await getToken(s.t, otherApp);
    const full = await parseSignalList(await s.get('/signals'));
    const narrow = await parseSignalList(
      await s.get('/signals', { authorization: `Bearer ${otherToken}`, 'sc-user-id': other.userId }),
    );
    expect(byCode(full, 'tractionbattery-stateofcharge').attributes.status.value).toBe('SUCCESS');
    expect(byCode(narrow, 'tractionbattery-stateofcharge').attributes.status.value).toBe('ERROR');
    const imperial = await parseSignalList(await s.get('/signals', { 'sc-unit-system': 'imperial' }));
    const metric = await parseSignalList(await s.get('/signals'));
    expect(byCode(imperial, 'tractionbattery-estimatedrange').attributes.body).toMatchObject({
      unit: 'miles',
    });
    expect(byCode(metric, 'tractionbattery-estimatedrange').attributes.body).not.toMatchObject({
      unit: 'miles',
    });
  });

  it('moves on with the clock', async () => {
    const s = await served();
    const first = await parseSignalList(await s.get('/signals'));
    s.t.clock.advance(60_000);
    const later = await parseSignalList(await s.get('/signals'));
    const at = (list: typeof first) => byCode(list, 'tractionbattery-stateofcharge').meta.retrievedAt;
    expect(Date.parse(String(at(later))) - Date.parse(String(at(first)))).toBe(60_000);
  });
});
