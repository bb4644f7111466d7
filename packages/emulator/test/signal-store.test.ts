import type { SignalResource } from '@paddock/contract';
import { createSignalStoreControl, type SignalStoreControl } from '../src/simulation/signal-store.js';
import { createVehicleSimulator, type SignalOptions } from '../src/simulation/vehicle-simulator.js';
import { ORIGIN, setup } from './helpers/setup.js';
import { byCode, connectedBev, parseSignalList } from './helpers/signals.js';
import { MINUTE, simulationRig } from './helpers/simulation.js';

const OPTIONS: SignalOptions = {
  permissions: ['read_battery', 'read_charge', 'read_security'],
  unitSystem: 'metric',
  origin: ORIGIN,
};
const SOC = 'tractionbattery-stateofcharge';

/** A charging BEV (its state of charge rises every minute) read through a store polled at most every `refreshMs`. */
function chargingBev(refreshMs: number) {
  const rig = simulationRig();
  const settings: SignalStoreControl = createSignalStoreControl({ refreshMs });
  const sim = createVehicleSimulator({ store: rig.store, clock: rig.clock, seed: 'signal-store' }, settings);
  const id = rig.add('bev-1', 'TESLA', 'Model 3', 'BEV');
  sim.setSignal(id, SOC, { value: 20, unit: 'percent' });
  sim.plugIn(id, { powerKw: 11, kind: 'AC' });
  const read = () => {
    const soc = sim.signals(id, OPTIONS).find((s) => s.id === SOC) as SignalResource;
    return {
      value: (soc.attributes.body as { value: number }).value,
      retrievedAt: String(soc.meta.retrievedAt),
    };
  };
  const listed = () => {
    const list = JSON.parse(sim.signalsJson!(id, OPTIONS).json) as SignalResource[];
    const soc = list.find((s) => s.id === SOC)!;
    return {
      value: (soc.attributes.body as { value: number }).value,
      retrievedAt: String(soc.meta.retrievedAt),
    };
  };
  const iso = (offsetMs = 0) => new Date(rig.clock.now() + offsetMs).toISOString();
  return { rig, sim, id, settings, read, listed, iso };
}

describe("the signal store (reference §3.4 'Freshness')", () => {
  it('serves the last poll while it is current, then polls the vehicle again', () => {
    const s = chargingBev(10 * MINUTE);
    const first = s.read();
    expect(first.retrievedAt).toBe(s.iso());

    s.rig.clock.advance(5 * MINUTE);
    // Five minutes of charging happened, but the store still holds the poll.
    expect(s.sim.state(s.id).stateOfChargePct).toBeGreaterThan(first.value);
    expect(s.read()).toEqual(first);
    expect(s.listed()).toEqual(first);

    s.rig.clock.advance(6 * MINUTE);
    const later = s.read();
    expect(later.retrievedAt).toBe(s.iso());
    expect(later.value).toBeGreaterThan(first.value);
    expect(s.listed()).toEqual(later);
  });

  it('polls at once after the vehicle changed', () => {
    const s = chargingBev(10 * MINUTE);
    const first = s.read();
    s.rig.clock.advance(2 * MINUTE);
    s.sim.stopCharge(s.id);
    const after = s.read();
    expect(after.retrievedAt).toBe(s.iso());
    const charging = s.sim.signals(s.id, OPTIONS).find((x) => x.id === 'charge-ischarging');
    expect(charging?.attributes.body).toEqual({ value: false });
    expect(after.value).toBeGreaterThan(first.value);
  });

  it('counts a webhook trigger check as a poll, so an event and the reads after it agree', () => {
    const s = chargingBev(10 * MINUTE);
    s.read();
    s.rig.clock.advance(3 * MINUTE);
    const polled = s.sim.values(s.id).get(SOC)?.body as { value: number };
    expect(s.read()).toEqual({ value: polled.value, retrievedAt: s.iso() });
  });

  it('reads the vehicle on every request with refreshMs 0', () => {
    const s = chargingBev(0);
    const first = s.read();
    s.rig.clock.advance(1);
    expect(s.read().retrievedAt).toBe(s.iso());
    expect(s.read().retrievedAt).not.toBe(first.retrievedAt);
  });

  it('polls again when the clock is set back before the last poll', () => {
    const s = chargingBev(10 * MINUTE);
    s.read();
    s.rig.clock.set(s.rig.clock.now() - MINUTE);
    expect(s.read().retrievedAt).toBe(s.iso());
  });
});

describe('/_emulator/settings/signals', () => {
  const put = (t: ReturnType<typeof setup>, body: unknown) =>
    t.fetch(`${ORIGIN}/_emulator/settings/signals`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('defaults to a poll a second, changes with PUT and refuses bad values, keeping the setting', async () => {
    const t = setup();
    const get = async () => (await t.fetch(`${ORIGIN}/_emulator/settings/signals`)).json();
    expect(await get()).toEqual({ refreshMs: 1000 });
    const changed = await put(t, { refreshMs: 60_000 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ refreshMs: 60_000 });
    for (const bad of [{ refreshMs: -1 }, { refreshMs: 1.5 }, { refreshMs: 'soon' }, { other: 1 }, '{oops']) {
      const res = await put(t, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await get()).toEqual({ refreshMs: 60_000 });
  });

  it('shapes what the API serves: the same list within a poll, a new one after it', async () => {
    const { t, get } = await connectedBev(['read_battery', 'read_charge']);
    expect((await put(t, { refreshMs: 60_000 })).status).toBe(200);
    const retrievedAt = async () =>
      byCode(await parseSignalList(await get('/signals')), SOC).meta.retrievedAt as string;
    const first = await retrievedAt();
    t.clock.advance(30_000);
    expect(await retrievedAt()).toBe(first);
    const single = await get(`/signals/${SOC}`);
    expect(((await single.json()) as SignalResource).meta.retrievedAt).toBe(first);
    t.clock.advance(30_000);
    expect(Date.parse(await retrievedAt()) - Date.parse(first)).toBe(60_000);
  });
});
