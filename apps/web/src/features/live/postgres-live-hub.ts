import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AppLogger } from '../../logger.js';
import { createLiveHub, type LiveHub, type VehicleChange } from './live-hub.js';

export interface PostgresLiveHubOptions {
  /** The app's database: notifications are sent through its pool. */
  readonly db: Kysely<Database>;
  /** The same database's URL, for the one connection that listens. */
  readonly url: string;
  readonly logger: AppLogger;
  /** Wait before listening again after the connection was lost, in ms. Default 1,000. */
  readonly reconnectMs?: number;
}

/** A PostgreSQL LISTEN/NOTIFY hub, once its listening connection is up. */
export interface PostgresLiveHub extends LiveHub {
  /** The channel (one per schema, so apps on other schemas of the server stay apart). */
  readonly channel: string;
}

interface Notice {
  readonly from: string;
  readonly change: VehicleChange;
}

/**
 * The live hub of an app run as several instances on one PostgreSQL: a
 * change published on one instance reaches the pages open on every
 * instance. `publish` delivers to this instance's listeners at once and
 * sends a `NOTIFY` on the schema's channel; each instance keeps one
 * connection that `LISTEN`s there and hands the others' notices to its own
 * listeners (its own come back too, and are skipped). Notices sent while
 * an instance's listening connection is down never reach it, so once it
 * listens again it tells every vehicle's open pages to read everything
 * again (`resync`). Resolves once the channel is listened to, so a failure
 * to reach the database stops start-up.
 */
export async function createPostgresLiveHub(options: PostgresLiveHubOptions): Promise<PostgresLiveHub> {
  const { db, url, logger } = options;
  const reconnectMs = options.reconnectMs ?? 1_000;
  const local = createLiveHub();
  const instance = randomUUID();
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const channel = channelOf(rows[0]?.schema ?? 'public');
  const pg = await import('pg');

  let client: InstanceType<typeof pg.Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  let listenedBefore = false;

  const onNotification = (message: { channel: string; payload?: string | undefined }) => {
    if (message.channel !== channel || message.payload === undefined) return;
    let notice: Notice;
    try {
      notice = JSON.parse(message.payload) as Notice;
    } catch {
      return;
    }
    if (notice.from === instance || typeof notice.change?.vehicleId !== 'string') return;
    local.publish(notice.change);
  };

  const listen = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      logger.warn({ err: error }, 'live updates: the listening connection failed');
      void next.end().catch(() => {});
      if (client === next) client = undefined;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    // Whatever was sent while nobody listened is read from the store instead.
    if (listenedBefore) {
      logger.info({ channel }, 'live updates: listening again; open pages read their vehicles again');
      for (const vehicleId of local.listenedVehicleIds()) local.publish({ vehicleId, kind: 'resync' });
    }
    listenedBefore = true;
  };

  const schedule = () => {
    if (closed || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      listen().catch((error: unknown) => {
        logger.warn({ err: error }, 'live updates: listening again failed');
        schedule();
      });
    }, reconnectMs);
    retry.unref();
  };

  await listen();

  return {
    channel,
    publish(change) {
      local.publish(change);
      const notice: Notice = { from: instance, change };
      sql`select pg_notify(${channel}, ${JSON.stringify(notice)})`.execute(db).catch((error: unknown) => {
        logger.warn({ err: error, vehicleId: change.vehicleId }, 'live updates: notify failed');
      });
    },
    subscribe: (vehicleId, listener) => local.subscribe(vehicleId, listener),
    listenerCount: () => local.listenerCount(),
    onClose: (listener) => local.onClose(listener),
    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      const ended = local.close();
      await client?.end().catch(() => {});
      client = undefined;
      await ended;
    },
  };
}

/** `paddock_live_<schema>`, as an unquoted identifier of at most 63 characters. */
function channelOf(schema: string): string {
  return `paddock_live_${schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}
