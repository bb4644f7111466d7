import { sql } from 'kysely';
import { healthRoutes } from '../src/features/health/health.routes.js';
import { silentLogger } from '../src/logger.js';
import { createHarness, type Harness } from './support/harness.js';
import { type RecordedLog, recordingLogger } from './support/logger.js';
import { dialects } from './support/test-database.js';

// Probes for a load balancer: liveness, and readiness that follows the
// database and shutdown.

describe.each(dialects)('health probes on %s', (dialect) => {
  let h: Harness;
  let logs: RecordedLog[];
  beforeEach(async () => {
    const recorded = recordingLogger();
    logs = recorded.entries;
    h = await createHarness({ dialect, logger: recorded.logger });
  });
  afterEach(async () => {
    await h.db.destroy().catch(() => {});
  });

  test('/healthz and /readyz answer 200 without a session, a cookie or a request log line', async () => {
    const live = await h.app.request('/healthz');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await h.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    for (const response of [live, ready]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(logs.filter((l) => l.msg === 'request')).toEqual([]);
    expect(
      Number((await sql<{ n: number }>`select count(*) as n from sessions`.execute(h.db)).rows[0]!.n),
    ).toBe(0);
  });

  test('/readyz answers 503 once the app drains for shutdown, while /healthz still answers', async () => {
    h.app.drain();
    const ready = await h.app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
    expect((await h.app.request('/healthz')).status).toBe(200);
  });

  test('/readyz answers 503 when the database cannot be reached, and says no more', async () => {
    await h.db.destroy();
    const ready = await h.app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database' });
    expect(logs.some((l) => l.msg === 'not ready: the database failed')).toBe(true);
  });
});

describe('/readyz against a database that is slow or fails', () => {
  function probe(checkDatabase: () => Promise<unknown>) {
    let now = 0;
    let calls = 0;
    const app = healthRoutes({
      checkDatabase: () => {
        calls++;
        return checkDatabase();
      },
      logger: silentLogger,
      clock: { now: () => now },
      draining: () => false,
      readyDeadlineMs: 50,
    });
    return {
      ready: async () => (await app.request('/readyz')).status,
      calls: () => calls,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  test('probes arriving together share one check, and it answers the next second too', async () => {
    const p = probe(async () => {});
    expect(await Promise.all([p.ready(), p.ready(), p.ready()])).toEqual([200, 200, 200]);
    expect(p.calls()).toBe(1);
    p.advance(999);
    expect(await p.ready()).toBe(200);
    expect(p.calls()).toBe(1);
    p.advance(1);
    expect(await p.ready()).toBe(200);
    expect(p.calls()).toBe(2);
  });

  test('a database that hangs makes probes answer 503 at the deadline, with one query waiting, not one per probe', async () => {
    let answer!: () => void;
    const p = probe(() => new Promise<void>((resolve) => (answer = resolve)));
    expect(await p.ready()).toBe(503);
    expect(await p.ready()).toBe(503);
    expect(p.calls()).toBe(1);
    // Once it answers, the next probe is ready.
    answer();
    await new Promise((r) => setTimeout(r, 0));
    expect(await p.ready()).toBe(200);
  });

  test('a failing database answers 503 until a later check succeeds', async () => {
    let failing = true;
    const p = probe(async () => {
      if (failing) throw new Error('connection refused');
    });
    expect(await p.ready()).toBe(503);
    failing = false;
    expect(await p.ready()).toBe(503);
    p.advance(1_000);
    expect(await p.ready()).toBe(200);
  });
});
