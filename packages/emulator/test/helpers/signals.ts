import { type Permission, SIGNALS, type SignalResource, signalListResponseSchema } from '@paddock/contract';
import { apiGet, connectOk, getToken, setup, type TestEmulator } from './setup.js';

/** A Model 3 connected with `permissions`, and a token to read it. */
export async function connectedBev(permissions: Permission[], t: TestEmulator = setup()) {
  const { userId, vehicleIds } = await connectOk(t, {
    clientId: t.app.clientId,
    email: '5YJ3E1EA7KF317000@bev.smartcar.com',
    permissions,
  });
  const token = await getToken(t, t.app);
  const vehicleId = vehicleIds[0]!;
  const get = (path: string, headers: Record<string, string> = {}) =>
    apiGet(t, `/v3/vehicles/${vehicleId}${path}`, token, { 'sc-user-id': userId, ...headers });
  return { t, userId, vehicleId, token, get };
}

/** Parses a signal list and every SUCCESS body with its catalogue schema. */
export async function parseSignalList(res: Response) {
  expect(res.status).toBe(200);
  const list = signalListResponseSchema.parse(await res.json());
  for (const s of list.data) checkBody(s);
  return list;
}

/** A SUCCESS signal's body matches its code's schema; the others carry an error and no body. */
export function checkBody(s: SignalResource): void {
  const def = SIGNALS[s.id as keyof typeof SIGNALS];
  expect(def, s.id).toBeDefined();
  expect(s.attributes).toMatchObject({ code: s.id, name: def.name, group: def.group });
  if (s.attributes.status.value === 'SUCCESS') {
    const parsed = def.body.safeParse(s.attributes.body);
    expect(parsed.success, `${s.id}: ${JSON.stringify(s.attributes.body)}`).toBe(true);
  } else {
    expect(s.attributes.body).toBeUndefined();
    expect(s.attributes.status.error).toBeDefined();
  }
}

/** The signal of a list by code. */
export function byCode(list: { data: SignalResource[] }, code: string): SignalResource {
  const s = list.data.find((x) => x.id === code);
  expect(s, code).toBeDefined();
  return s!;
}
