import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { inTransaction } from '../src/db/transaction.js';
import { deleteAccountData } from '../src/features/account-data/account-data.repository.js';
import { listLatestSignals, upsertLatestSignals } from '../src/features/signals/signals.repository.js';
import { applyVehicleErrorReports } from '../src/features/vehicle-errors/vehicle-errors.repository.js';
import { heldConnections } from '../src/features/vehicles/vehicles.repository.js';
import { holdVehicles } from './support/held-vehicles.js';
import { createTestDatabase, TEST_DATABASE_URL } from './support/test-database.js';

// A webhook's transaction share-locks the vehicle rows, then writes values
// and problems; deleting an account must take those vehicle rows before any
// value or problem row, or the two wait on each other (PostgreSQL aborts one
// as a deadlock) and a value committed meanwhile outlives the deletion.
// SQLite runs one writer at a time, so this is PostgreSQL's alone.
describe.skipIf(!TEST_DATABASE_URL)(
  'deleting an account while a webhook is being stored, on PostgreSQL',
  () => {
    let db: Kysely<Database>;
    afterEach(async () => {
      await db?.destroy();
    });

    test('the deletion waits for the webhook, then deletes what it wrote: no deadlock, nothing left', async () => {
      db = await createTestDatabase('postgres');
      await holdVehicles(db, 'v1');
      const soc = (value: number, at: number) => ({
        vehicleId: 'v1',
        code: 'tractionbattery-stateofcharge',
        status: 'SUCCESS',
        body: { value, unit: 'percent' },
        oemUpdatedAt: at,
        receivedAt: at,
      });
      await upsertLatestSignals(db, [soc(40, 1_000)]);

      let held!: () => void;
      const heldNow = new Promise<void>((r) => (held = r));
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      // The webhook's transaction, step by step as storeWebhookEvents takes them.
      const webhook = inTransaction(db, async (trx) => {
        expect((await heldConnections(trx, ['v1'])).get('v1')).toEqual(new Set(['user-1']));
        held();
        await gate;
        await upsertLatestSignals(trx, [soc(41, 2_000)]);
        await applyVehicleErrorReports(trx, [
          {
            vehicleId: 'v1',
            smartcarUserId: 'user-1',
            eventId: 'e-1',
            receivedAt: 2_000,
            errors: [
              {
                type: 'VEHICLE_STATE',
                code: 'UNREACHABLE',
                description: null,
                suggestedUserMessage: null,
                resolutionType: null,
                state: 'ERROR',
                signalCodes: [],
              },
            ],
          },
        ]);
      });
      await heldNow;
      const deletion = inTransaction(db, (trx) => deleteAccountData(trx, 'vehicle-holder'));
      // Long enough for the deletion to get as far as it can before the webhook goes on.
      await new Promise((r) => setTimeout(r, 300));
      release();

      const [stored, deleted] = await Promise.allSettled([webhook, deletion]);
      expect(stored.status).toBe('fulfilled');
      expect(deleted.status).toBe('fulfilled');
      expect(await listLatestSignals(db, 'v1')).toEqual([]);
      expect(await db.selectFrom('vehicle_errors').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('vehicles').selectAll().execute()).toEqual([]);
    });
  },
);
