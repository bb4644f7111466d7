import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database as SqliteHandle } from 'better-sqlite3';

/** How often the background connection copies the WAL into the database file, in ms. */
export const CHECKPOINT_INTERVAL_MS = 1_000;

// SQLite's own default, put back if the background connection ever stops.
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

// The worker's code, evaluated rather than loaded from a file, so that it is
// the same in the compiled app and under the test runner (which serves the
// TypeScript sources). It needs only the driver, whose path it is given.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.filename);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** The background checkpoints of one SQLite file. */
export interface WalCheckpointer {
  /** Stops them (a last checkpoint first); resolves when the thread has ended. */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop. SQLite otherwise checkpoints
 * inside the commit that fills the WAL past 1,000 pages, and with
 * `synchronous=NORMAL` that copy and its fsync are the only disk waits left:
 * under a stream of webhooks every request waited for their length (on
 * this machine's shared disk the effect on throughput was lost in the
 * noise of a 5 s benchmark; the stall is what it removes). Here a connection of its own, on a worker thread, runs a PASSIVE
 * checkpoint every `intervalMs` (it never waits for, nor blocks, the app's
 * reads and writes), and the app's connection stops checkpointing itself.
 * Durability is unchanged: a commit is in the WAL when it returns, as
 * before. Should the thread fail, the app's connection checkpoints itself again.
 */
export function startWalCheckpointer(
  sqlite: SqliteHandle,
  filename: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), filename, intervalMs },
  });
  // Never what keeps the process alive.
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const ended = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
      resolve();
    });
  });
  // An error ends the thread ('exit' follows); a failed checkpoint is tried again next time.
  worker.on('error', () => {});
  return {
    stop() {
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
      }
      return ended;
    },
  };
}
