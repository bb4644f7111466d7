import { connectErrorRedirectSchema } from '@paddock/contract';
import { resolveAccount } from '../src/simulation/accounts.js';
import { CATALOGUE } from '../src/simulation/catalogue.js';
import { isValidVin } from '../src/simulation/vin.js';
import { inputsOf, textOf } from './helpers/browser.js';
import { runConnectFlow } from './helpers/connect-flow.js';
import { apiGet, getToken, setup } from './helpers/setup.js';

describe('magic logins through the Connect pages', () => {
  it('<n>-vehicles@smartcar.com offers n vehicles', async () => {
    const t = setup();
    const { grantPage } = await runConnectFlow(t, { email: '3-vehicles@smartcar.com', make: 'VOLVO' });
    expect(inputsOf(grantPage!, 'vehicle')).toHaveLength(3);
    expect(textOf(grantPage!).match(/\(VIN [A-Z0-9]{17}\)/g)).toHaveLength(3);
  });

  it('<VIN>@bev.smartcar.com connects a BEV with that VIN', async () => {
    const t = setup();
    const vin = 'WVGZZZE2ZMP012345';
    const { redirect, grantPage } = await runConnectFlow(t, {
      email: `${vin.toLowerCase()}@bev.smartcar.com`,
      make: 'VOLKSWAGEN',
    });
    expect(textOf(grantPage!)).toContain(`(VIN ${vin})`);
    const vehicleId = inputsOf(grantPage!, 'vehicle')[0]!.value;
    const token = await getToken(t, t.app);
    const res = await apiGet(t, `/v3/vehicles/${vehicleId}`, token);
    const body = (await res.json()) as { data: { attributes: { powertrainType: string; make: string } } };
    expect(body.data.attributes).toMatchObject({ powertrainType: 'BEV', make: 'VOLKSWAGEN' });
    expect(redirect.searchParams.get('user_id')).toBeTruthy();
  });

  it('smartcar@invalid-subscription.com ends with invalid_subscription right after login', async () => {
    const t = setup();
    const { redirect, grantPage } = await runConnectFlow(t, { email: 'smartcar@invalid-subscription.com' });
    expect(grantPage).toBeUndefined();
    const params = connectErrorRedirectSchema.parse(Object.fromEntries(redirect.searchParams));
    expect(params).toMatchObject({ error: 'invalid_subscription', state: 'st-123' });
  });

  it.each([
    ['smartcar@vehicle-incompatible.com', undefined],
    ['1FTEW1EP5MKE12345@incompatible.smartcar.com', '1FTEW1EP5MKE12345'],
  ])('%s ends with vehicle_incompatible after Allow, naming the vehicle', async (email, vin) => {
    const t = setup();
    const { redirect, grantPage } = await runConnectFlow(t, { email, make: 'FORD' });
    expect(grantPage).toBeDefined();
    const params = connectErrorRedirectSchema.parse(Object.fromEntries(redirect.searchParams));
    expect(params.error).toBe('vehicle_incompatible');
    expect(params.state).toBe('st-123');
    expect(params.make).toBe('FORD');
    expect(params.model).toBeTruthy();
    expect(params.year).toMatch(/^20\d\d$/);
    if (vin) expect(params.vin).toBe(vin);
    else expect(params.vin).toMatch(/^[A-Z0-9]{17}$/);
  });
});

describe('resolveAccount', () => {
  const seed = 'test-seed';

  it('is deterministic in seed, email and make, and depends on each', () => {
    const a = resolveAccount(seed, 'det@example.com', 'TESLA');
    expect(resolveAccount(seed, 'DET@example.com ', 'tesla')).toEqual(a);
    expect(resolveAccount('other-seed', 'det@example.com', 'TESLA').userId).not.toBe(a.userId);
    expect(resolveAccount(seed, 'det2@example.com', 'TESLA').userId).not.toBe(a.userId);
    expect(resolveAccount(seed, 'det@example.com', 'FORD').userId).toBe(a.userId);
  });

  it('gives every ordinary email 1 to 3 vehicles with valid VINs and UUID ids', () => {
    for (let i = 0; i < 40; i++) {
      const account = resolveAccount(seed, `user${i}@example.com`);
      expect(account.vehicles.length).toBeGreaterThanOrEqual(1);
      expect(account.vehicles.length).toBeLessThanOrEqual(3);
      expect(account.userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      for (const v of account.vehicles) {
        expect(isValidVin(v.vin), v.vin).toBe(true);
        const make = CATALOGUE.find((m) => m.make === v.make)!;
        const model = make.models.find((m) => m.model === v.model)!;
        expect(model.powertrains).toContain(v.powertrainType);
        expect(v.year).toBeGreaterThanOrEqual(model.years[0]);
        expect(v.year).toBeLessThanOrEqual(model.years[1]);
      }
    }
  });

  it('keeps generated vehicles to the chosen make', () => {
    const account = resolveAccount(seed, '25-vehicles@smartcar.com', 'KIA');
    expect(account.vehicles).toHaveLength(25);
    expect(new Set(account.vehicles.map((v) => v.make))).toEqual(new Set(['KIA']));
    expect(new Set(account.vehicles.map((v) => v.id)).size).toBe(25);
  });

  it('maps the powertrain domains and the fixed logins', () => {
    const phev = resolveAccount(seed, 'JTMAB3FV5PD123456@phev.smartcar.com');
    expect(phev.vehicles).toEqual([
      expect.objectContaining({ vin: 'JTMAB3FV5PD123456', powertrainType: 'PHEV', make: 'TOYOTA' }),
    ]);
    expect(resolveAccount(seed, 'anything@fuel.smartcar.com').vehicles[0]!.powertrainType).toBe('ICE');
    expect(resolveAccount(seed, 'smartcar@successful-request.com').vehicles[0]!.vin).toBe(
      '0SCAUDI037A5ADB1C',
    );
    expect(resolveAccount(seed, 'smartcar@invalid-subscription.com').failure).toBe('invalid_subscription');
    expect(resolveAccount(seed, '999-vehicles@smartcar.com').vehicles).toHaveLength(999);
    expect(resolveAccount(seed, '1000-vehicles@smartcar.com').vehicles.length).toBeLessThanOrEqual(3);
  });
});

describe('sub-addressed count logins', () => {
  it('`<n>-vehicles+tag@smartcar.com` holds n vehicles and is a user of its own', async () => {
    const { setup } = await import('./helpers/setup.js');
    const t = setup();
    const connect = async (email: string) => {
      const res = await t.fetch('/_emulator/connect', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: t.app.clientId, email }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { userId: string; vehicleIds: string[] };
    };
    const a = await connect('4-vehicles+a@smartcar.com');
    const b = await connect('4-vehicles+b@smartcar.com');
    expect(a.vehicleIds).toHaveLength(4);
    expect(b.vehicleIds).toHaveLength(4);
    expect(a.userId).not.toBe(b.userId);
    expect(new Set([...a.vehicleIds, ...b.vehicleIds]).size).toBe(8);
  });
});
