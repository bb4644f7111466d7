import type { PasswordHasher } from '../src/security/password-hasher.js';
import { createHarness, type Harness, TEST_PASSWORD, testHasher } from './support/harness.js';
import { dialects } from './support/test-database.js';

/** A hasher that records every verify call and the hashes it made. */
function spyHasher() {
  const inner = testHasher();
  const made: string[] = [];
  const verified: string[] = [];
  const hasher: PasswordHasher = {
    async hash(password) {
      const hash = await inner.hash(password);
      made.push(hash);
      return hash;
    },
    async verify(password, stored) {
      verified.push(stored);
      return inner.verify(password, stored);
    },
  };
  return { hasher, made, verified };
}

describe.each(dialects)('sign-in limits on %s', (dialect) => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  describe('failed sign-ins', () => {
    test('a wrong password and an unknown email get the same answer; the unknown one is checked against the decoy hash', async () => {
      const spy = spyHasher();
      h = await createHarness({ dialect, passwordHasher: spy.hasher });
      await h.signedIn('known@example.com');
      const accountHash = spy.made[0]!;

      spy.verified.length = 0;
      const wrong = await h.browser().signIn('known@example.com', 'not the password');
      expect(spy.verified).toEqual([accountHash]);

      spy.verified.length = 0;
      const unknown = await h.browser().signIn('nobody@example.com', 'not the password');
      expect(spy.verified).toHaveLength(1);
      const decoy = spy.verified[0]!;
      expect(decoy).not.toBe(accountHash);
      expect(spy.made).toContain(decoy); // a real scrypt hash, made by the same hasher

      const strip = (html: string) => html.replaceAll(/value="[^"]*"/g, '');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(strip(await wrong.text())).toBe(strip(await unknown.text()));

      // The decoy is made once, not per attempt.
      const hashesBefore = spy.made.length;
      await h.browser().signIn('nobody-else@example.com', 'x');
      expect(spy.made.length).toBe(hashesBefore);
    });

    test('5 failures for one email in 15 minutes: a 429 with the wait, even for the right password; the window then frees it', async () => {
      h = await createHarness({ dialect });
      await h.signedIn('target@example.com');
      const attacker = h.browser();
      for (let i = 0; i < 5; i++) {
        expect((await attacker.signIn('target@example.com', `guess ${i}`)).status).toBe(401);
        h.clock.advance(60_000);
      }
      // 5 failures at t = 0..4 min; now t = 5 min: the first leaves the window at 15 min.
      const limited = await attacker.signIn('target@example.com', TEST_PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe(String(10 * 60));
      expect(await limited.text()).toContain('Try again in 10 minutes.');
      // Another browser (same address) is refused too: the count is per email, in the database.
      expect((await h.browser().signIn('target@example.com', TEST_PASSWORD)).status).toBe(429);

      h.clock.advance(10 * 60_000);
      expect((await h.browser().signIn('target@example.com', TEST_PASSWORD)).status).toBe(303);
      // Success clears the email's count.
      expect((await h.browser().signIn('target@example.com', 'oops')).status).toBe(401);
      expect((await h.browser().signIn('target@example.com', TEST_PASSWORD)).status).toBe(303);
    });

    test('30 wrong passwords at once: at most the limit are checked, the rest get 429', async () => {
      const spy = spyHasher();
      h = await createHarness({ dialect, passwordHasher: spy.hasher });
      await h.signedIn('target@example.com');
      const verifiedBefore = spy.verified.length;
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => h.browser().signIn('target@example.com', `guess ${i}`)),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(spy.verified.length - verifiedBefore).toBeLessThanOrEqual(5);
      // Each checked guess stays counted (per email and per address); the refused ones do not.
      const failures = await h.db
        .selectFrom('sign_in_failures')
        .select('bucket')
        .where('bucket', 'not like', 'signup:%')
        .execute();
      expect(failures).toHaveLength(2 * statuses.filter((s) => s === 401).length);
    });

    test('successful sign-ins do not count against the address', async () => {
      h = await createHarness({
        dialect,
        config: { trustProxy: true },
        signInLimits: { windowMs: 15 * 60_000, perEmail: 5, perAddress: 3 },
      });
      const office = { headers: { 'x-forwarded-for': '198.51.100.20' } };
      for (let i = 0; i < 5; i++) await h.signedIn(`colleague${i}@example.com`);
      for (let i = 0; i < 5; i++) {
        expect((await h.browser().signIn(`colleague${i}@example.com`, TEST_PASSWORD, office)).status).toBe(
          303,
        );
      }
      const signInRows = h.db
        .selectFrom('sign_in_failures')
        .selectAll()
        .where('bucket', 'not like', 'signup:%');
      expect(await signInRows.execute()).toEqual([]);
    });

    test('sign-ups are limited per address (taken emails included, so probing for accounts is too); bad forms are not counted', async () => {
      const spy = spyHasher();
      h = await createHarness({
        dialect,
        config: { trustProxy: true },
        passwordHasher: spy.hasher,
        signInLimits: { windowMs: 15 * 60_000, perEmail: 5, perAddress: 20, signUpsPerAddress: 3 },
      });
      const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
      const signUp = (email: string, address = '198.51.100.30', password = TEST_PASSWORD) =>
        h.browser().submit('/signup', { email, password }, '/signup', from(address));
      expect((await signUp('bad', '198.51.100.30', 'short')).status).toBe(400);
      expect((await signUp('first@example.com')).status).toBe(303);
      expect((await signUp('first@example.com')).status).toBe(409);
      expect((await signUp('second@example.com')).status).toBe(303);
      const hashes = spy.made.length;
      const limited = await signUp('third@example.com');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe(String(15 * 60));
      expect(await limited.text()).toContain('Too many accounts were created from this network');
      expect((await signUp('first@example.com')).status).toBe(429);
      // Nothing was hashed or stored for the refused ones; another address is not affected.
      expect(spy.made.length).toBe(hashes);
      expect(await h.db.selectFrom('accounts').selectAll().execute()).toHaveLength(2);
      expect((await signUp('third@example.com', '198.51.100.31')).status).toBe(303);
      h.clock.advance(15 * 60_000);
      expect((await signUp('fourth@example.com')).status).toBe(303);
    });

    test('failures from one address across many emails are limited per address', async () => {
      h = await createHarness({
        dialect,
        config: { trustProxy: true },
        signInLimits: { windowMs: 15 * 60_000, perEmail: 5, perAddress: 3 },
      });
      await h.signedIn('victim@example.com');
      const from = (address: string) => ({ headers: { 'x-forwarded-for': `203.0.113.9, ${address}` } });
      for (let i = 0; i < 3; i++) {
        expect((await h.browser().signIn(`guess${i}@example.com`, 'x', from('198.51.100.7'))).status).toBe(
          401,
        );
      }
      expect(
        (await h.browser().signIn('victim@example.com', TEST_PASSWORD, from('198.51.100.7'))).status,
      ).toBe(429);
      // The client-supplied first entry is not the address; our proxy's last entry is.
      expect(
        (await h.browser().signIn('victim@example.com', TEST_PASSWORD, from('198.51.100.8'))).status,
      ).toBe(303);
      // Neither emails nor addresses are stored in the clear.
      const buckets = await h.db.selectFrom('sign_in_failures').select('bucket').execute();
      expect(buckets.length).toBeGreaterThan(0);
      for (const { bucket } of buckets) expect(bucket).not.toMatch(/@|198\.51/);
    });
  });
});
