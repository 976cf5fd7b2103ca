/**
 * WAL checkpoints off the request path. With SQLite's default, the commit that grows the WAL past 1,000 pages copies
 * the WAL back into the database and syncs it, inside that request: an ingestion of 1,000 packages writes about
 * 7,500 pages (every index of `packages` and `resource_packages` takes its share) and paid some 600 ms of checkpoint
 * on top of its own work, at 10,000 resources. The server instead raises the automatic threshold to a safety net and
 * lets a worker thread, with its own connection, run PASSIVE checkpoints on a timer (node:sqlite is synchronous, so
 * a checkpoint on the server's connection would stall every request meanwhile). A crash loses nothing: committed
 * frames stay in the WAL until they are copied (https://sqlite.org/wal.html#checkpointing).
 */
import { Worker } from 'node:worker_threads';

/** How often the thread checkpoints (ms). */
const CHECKPOINT_INTERVAL_MS = 500;

/** The automatic checkpoint threshold while the thread runs (pages, about 200 MB): only if it falls behind. */
export const BACKGROUND_AUTOCHECKPOINT_PAGES = 50_000;

/** A running checkpointer. */
export interface Checkpointer {
  /** Stops the thread and closes its connection. */
  close(): Promise<void>;
}

/**
 * Starts the checkpoint thread for the database file at `path` (in WAL mode). `onFailure` runs if the thread dies
 * (the caller then lets SQLite checkpoint in commits again); the server itself never fails with it.
 */
export async function startCheckpointer(path: string, onFailure: (error: unknown) => void): Promise<Checkpointer> {
  // Source (.ts, tests) or build (.js): the worker module sits next to this one either way.
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const worker = new Worker(new URL(`./checkpoint-worker.${extension}`, import.meta.url), {
    workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  // The thread never keeps the process alive on its own.
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  let closing = false;
  worker.on('error', (error) => onFailure(error));
  worker.on('exit', (code) => {
    if (!closing) onFailure(new Error(`the checkpoint thread exited with code ${code}`));
  });
  return {
    async close() {
      closing = true;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Held until it has closed its connection, so the server's own close comes last.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
