import { createManualClock } from '../src/simulation/clock.js';
import { seededRandom } from '../src/simulation/seeded.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import type { ConnectionRecord } from '../src/store/records.js';

// The connection lookups use an index; a plain list scanned in insertion
// order (what the store did before) is the model they must agree with.

const pick = <T>(random: { next(): number }, items: readonly T[]): T =>
  items[Math.floor(random.next() * items.length)]!;

describe('connection lookups by application and vehicle', () => {
  it('agree with a scan in insertion order through inserts, updates, deletes and loads', () => {
    const store = createMemoryStore(createManualClock());
    const model: ConnectionRecord[] = [];
    const random = seededRandom('connections', 'index');
    const apps = ['app-a', 'app-b'];
    const users = ['u1', 'u2', 'u3'];
    const vehicles = ['v1', 'v2', 'v3', 'v4'];
    let n = 0;
    const record = (): ConnectionRecord => ({
      id: `c${n++}`,
      applicationId: pick(random, apps),
      userId: pick(random, users),
      vehicleId: pick(random, vehicles),
      permissions: ['read_battery'],
      mode: 'live',
      createdAt: n,
      updatedAt: n,
    });

    for (let step = 0; step < 600; step++) {
      const r = random.next();
      if (r < 0.45 || model.length === 0) {
        const c = record();
        store.connections.insert(c);
        model.push(c);
      } else if (r < 0.6) {
        const victim = pick(random, model);
        expect(store.connections.delete(victim.id)).toBe(true);
        model.splice(model.indexOf(victim), 1);
      } else if (r < 0.7) {
        const app = pick(random, apps);
        const user = pick(random, users);
        const expected = model.filter((c) => c.applicationId === app && c.userId === user).length;
        expect(store.connections.deleteForUser(app, user)).toBe(expected);
        model.splice(
          0,
          model.length,
          ...model.filter((c) => !(c.applicationId === app && c.userId === user)),
        );
      } else if (r < 0.85) {
        // An update may even move a connection to another vehicle or application.
        const old = pick(random, model);
        const moved = { ...old, vehicleId: pick(random, vehicles), applicationId: pick(random, apps) };
        store.connections.update(moved);
        model[model.indexOf(old)] = moved;
      } else if (r < 0.9) {
        const dump = store.connections.dump();
        store.connections.load(dump);
      }
      for (const app of apps)
        for (const vehicle of vehicles) {
          const scan = model.find((c) => c.applicationId === app && c.vehicleId === vehicle);
          expect(store.connections.findForVehicle(app, vehicle)).toEqual(scan);
          for (const user of users) {
            const exact = model.find(
              (c) => c.applicationId === app && c.userId === user && c.vehicleId === vehicle,
            );
            expect(store.connections.find(app, user, vehicle)).toEqual(exact);
          }
        }
    }
  });
});
