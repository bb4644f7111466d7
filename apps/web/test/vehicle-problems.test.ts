import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { createLiveHub, type VehicleChange } from '../src/features/live/live-hub.js';
import { BEV_LOGIN, createDashboardHarness, type DashboardHarness } from './support/dashboard-harness.js';
import { pageText, textOfId } from './support/pages.js';
import { dialects } from './support/test-database.js';
import { deliver } from './support/webhook-events.js';

// VEHICLE_ERROR webhooks (reference §4.4) open and close the problems a
// vehicle's page shows: the emulator sends them when asked on its control
// surface and when a vehicle goes offline and comes back.

const problemRows = async (db: Kysely<Database>) =>
  db.selectFrom('vehicle_errors').select(['vehicle_id', 'smartcar_user_id', 'type', 'code']).execute();

function errorEvent(
  eventId: string,
  vehicleId: string,
  userId: string,
  state: 'ERROR' | 'RESOLVED',
  message: string | null = null,
): string {
  return JSON.stringify({
    eventId,
    eventType: 'VEHICLE_ERROR',
    data: {
      user: { id: userId },
      vehicle: { id: vehicleId, make: 'TESLA', model: 'Model 3', year: 2024 },
      errors: [
        {
          type: 'VEHICLE_STATE',
          code: 'REMOTE_ACCESS_DISABLED',
          description: 'Remote access is turned off in the vehicle.',
          docURL: null,
          resolution: { type: null },
          suggestedUserMessage: message,
          state,
          signals: [],
        },
      ],
    },
    meta: { version: '4.0', webhookId: 'w-1', deliveryId: `d-${eventId}`, deliveredAt: 1, mode: 'TEST' },
  });
}

describe.each(dialects)('problems Smartcar reports about a vehicle, on %s', (dialect) => {
  let h: DashboardHarness;
  afterEach(async () => {
    await h?.close();
  });

  async function connected(live?: ReturnType<typeof createLiveHub>) {
    h = await createDashboardHarness({ dialect, ...(live ? { live } : {}) });
    const browser = await h.signedIn();
    const { userId, vehicleIds } = await h.connect(browser, BEV_LOGIN);
    const vehicleId = vehicleIds[0]!;
    const problems = async (viewer = browser) =>
      textOfId(await (await viewer.get(`/vehicles/${vehicleId}`)).text(), `problems-${vehicleId}`);
    return { browser, userId, vehicleId, problems };
  }

  test('a reported error shows on the page with what to do, until Smartcar reports it resolved', async () => {
    const published: VehicleChange[] = [];
    const live = createLiveHub();
    const c = await connected(live);
    live.subscribe(c.vehicleId, (change) => published.push(change));
    expect(await c.problems()).toBe('');

    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {
      type: 'CONNECTED_SERVICES_ACCOUNT',
      code: 'AUTHENTICATION_FAILED',
      description: 'The credentials of the connected services account are no longer valid.',
      resolution: 'REAUTHENTICATE',
      suggestedUserMessage: 'Sign in to your Tesla account again.',
      signals: ['tractionbattery-stateofcharge'],
    });
    const page = await c.browser.get(`/vehicles/${c.vehicleId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const shown = textOfId(html, `problems-${c.vehicleId}`)!;
    expect(shown).toContain('Smartcar reports a problem with this vehicle');
    expect(shown).toContain('Sign in to your Tesla account again.');
    expect(shown).toContain('Connect your vehicle again');
    expect(shown).toMatch(/Affects: State of charge\./i);
    expect(shown).toContain('Connected services account · Authentication failed');
    expect(published).toContainEqual({ vehicleId: c.vehicleId, kind: 'problems' });
    // The dashboard's card says so too, linking to the page that tells more.
    const cardLine = async () =>
      textOfId(await (await c.browser.get('/vehicle')).text(), `problem-count-${c.vehicleId}`);
    expect(await cardLine()).toBe('Smartcar reports a problem with this vehicle');

    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {
      type: 'CONNECTED_SERVICES_ACCOUNT',
      code: 'AUTHENTICATION_FAILED',
      state: 'RESOLVED',
    });
    expect(await c.problems()).toBe('');
    expect(await problemRows(h.db)).toEqual([]);
    expect(await cardLine()).toBe('');
  });

  test('a vehicle that goes offline shows as unreachable, and stops once it is back', async () => {
    const c = await connected();
    // The trigger check notices reachability on the emulator clock.
    await h.control(`/_emulator/vehicles/${c.vehicleId}/online`, { online: false });
    await h.deliver(c.vehicleId);
    expect(await c.problems()).toMatch(/Vehicle state · Unreachable/);
    await h.control(`/_emulator/vehicles/${c.vehicleId}/online`, { online: true });
    await h.deliver(c.vehicleId);
    expect(await c.problems()).toBe('');
  });

  test('connecting again closes the problems that asked for it, and only those', async () => {
    const c = await connected();
    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {
      type: 'CONNECTED_SERVICES_ACCOUNT',
      code: 'AUTHENTICATION_FAILED',
      resolution: 'REAUTHENTICATE',
      suggestedUserMessage: 'Sign in to your Tesla account again.',
    });
    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {});
    expect(await c.problems()).toContain('Smartcar reports 2 problems');
    const again = await h.connect(c.browser, BEV_LOGIN);
    expect(again.vehicleIds).toContain(c.vehicleId);
    const left = (await c.problems())!;
    expect(left).toContain('Smartcar reports a problem with this vehicle');
    expect(left).toContain('Vehicle state · Unreachable');
    expect(left).not.toContain('Sign in to your Tesla account again.');
  });

  test('several problems are listed together, the latest first', async () => {
    const c = await connected();
    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {});
    h.clock.advance(60_000);
    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {
      type: 'PERMISSION',
      code: null,
      description: 'The connection lacks a permission.',
      resolution: null,
    });
    const shown = (await c.problems())!;
    expect(shown).toContain('Smartcar reports 2 problems with this vehicle');
    expect(shown.indexOf('The connection lacks a permission.')).toBeLessThan(
      shown.indexOf('The vehicle reported an error.'),
    );
    expect(shown).toContain('It should pass by itself.');
  });

  test('a redelivered error is a duplicate and does not reopen what was resolved since', async () => {
    const c = await connected();
    const token = h.credentials.managementToken;
    const opened = errorEvent('err-1', c.vehicleId, c.userId, 'ERROR');
    expect((await deliver(h.app, opened, token)).status).toBe(200);
    expect(await c.problems()).toContain('Remote access is turned off in the vehicle.');
    expect((await deliver(h.app, errorEvent('err-2', c.vehicleId, c.userId, 'RESOLVED'), token)).status).toBe(
      200,
    );
    const again = await deliver(h.app, opened, token);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await c.problems()).toBe('');
  });

  test('an error about a vehicle no account holds is stored as an event and shown to nobody', async () => {
    const c = await connected();
    const response = await deliver(
      h.app,
      errorEvent('err-x', 'someone-elses', c.userId, 'ERROR'),
      h.credentials.managementToken,
    );
    expect(response.status).toBe(200);
    expect(await problemRows(h.db)).toEqual([]);
    expect(await c.problems()).toBe('');
  });

  test('disconnecting the vehicle deletes its problems, so a next owner does not see them', async () => {
    const c = await connected();
    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {});
    expect(await problemRows(h.db)).toHaveLength(1);
    const confirm = await c.browser.get(`/vehicles/${c.vehicleId}/disconnect`);
    expect(pageText(await confirm.text())).toMatch(/Disconnect/);
    const response = await c.browser.submit(`/vehicles/${c.vehicleId}/disconnect`, {});
    expect(response.status).toBe(303);
    expect(await problemRows(h.db)).toEqual([]);
  });

  test("a problem is about one user's connection: another account holding the same vehicle does not see it", async () => {
    const c = await connected();
    // Another account holds the same vehicle through its own Smartcar user.
    const other = await h.signedIn();
    await other.get('/vehicle');
    const ownerId = (
      await h.db
        .selectFrom('vehicles')
        .select('account_id')
        .where('vehicle_id', '=', c.vehicleId)
        .executeTakeFirstOrThrow()
    ).account_id;
    const otherId = (
      await h.db.selectFrom('accounts').select('id').where('id', '!=', ownerId).executeTakeFirstOrThrow()
    ).id;
    const otherUser = `${c.userId}-other`;
    await h.db
      .insertInto('vehicles')
      .values({
        account_id: otherId,
        vehicle_id: c.vehicleId,
        smartcar_user_id: otherUser,
        make: 'TESLA',
        model: 'Model 3',
        year: 2024,
        powertrain: 'BEV',
        connected_at: h.clock.now(),
        disconnected_at: null,
      })
      .execute();
    const token = h.credentials.managementToken;
    await deliver(h.app, errorEvent('mine', c.vehicleId, c.userId, 'ERROR', 'Your login expired.'), token);
    await deliver(
      h.app,
      errorEvent('theirs', c.vehicleId, otherUser, 'ERROR', 'Their login expired.'),
      token,
    );
    expect(await c.problems()).toContain('Your login expired.');
    expect(await c.problems()).not.toContain('Their login expired.');
    expect(await c.problems(other)).toContain('Their login expired.');
    expect(await c.problems(other)).not.toContain('Your login expired.');

    // One account disconnecting takes its own problem, not the other's.
    expect((await c.browser.submit(`/vehicles/${c.vehicleId}/disconnect`, {})).status).toBe(303);
    expect(await problemRows(h.db)).toEqual([
      {
        vehicle_id: c.vehicleId,
        smartcar_user_id: otherUser,
        type: 'VEHICLE_STATE',
        code: 'REMOTE_ACCESS_DISABLED',
      },
    ]);
    expect(await c.problems(other)).toContain('Their login expired.');
  });

  test('deleting the account deletes the problems of its vehicles', async () => {
    const c = await connected();
    await h.control(`/_emulator/vehicles/${c.vehicleId}/errors`, {});
    expect(await problemRows(h.db)).toHaveLength(1);
    expect((await c.browser.submit('/account/delete', {})).status).toBe(303);
    expect(await problemRows(h.db)).toEqual([]);
  });

  test("Smartcar's words are shown as text, never as markup", async () => {
    const c = await connected();
    const message = '<script>alert(1)</script><b>bold</b> & more';
    await deliver(
      h.app,
      errorEvent('err-html', c.vehicleId, c.userId, 'ERROR', message),
      h.credentials.managementToken,
    );
    const html = await (await c.browser.get(`/vehicles/${c.vehicleId}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more');
    expect(await c.problems()).toContain(message);
  });
});
