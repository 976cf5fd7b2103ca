/**
 * The server's background work, as named steps: open the work queue for the store, work its jobs in this process
 * (unless `--workers 0` leaves them to `lucent worker` processes), and keep the advisory database updated and
 * re-matched (services/rematch-updates.ts). Stopping reverses it: timers, then running jobs (finished or released).
 */
import { type AdvisorySource, advisorySource } from '../services/rematch-advisories.ts';
import { AdvisoryUpdates, type UpdateRunner } from '../services/rematch-updates.ts';
import type { Store } from '../store/open-store.ts';
import type { JobContext, JobLogger } from './job-kind.ts';
import { logQueueEvent, startWorkers } from './job-kinds.ts';
import { openQueue } from './open-queue.ts';
import type { WorkQueue } from './work-queue.ts';

/** How the server runs its background work. */
export interface BackgroundOptions {
  databaseUrl: string;
  /** The advisory database that updates and re-matching use. */
  advisoryDbPath: string;
  /** Jobs run at once in this process; 0: none (workers elsewhere run them). */
  workers: number;
  /** Scheduled `lucent db update` every this many ms; 0: never. */
  dbUpdateIntervalMs: number;
  /** Every job kind's time limit (`--job-timeout`), else each kind's own. */
  jobTimeoutSeconds?: number;
  log: JobLogger;
  env: NodeJS.ProcessEnv;
  /** Tests replace the `lucent db update` child process. */
  runUpdate?: UpdateRunner;
  now?: () => Date;
}

/** The running background work. */
export interface BackgroundWork {
  queue: WorkQueue;
  advisories: AdvisorySource;
  updates: AdvisoryUpdates;
  /** Stops the timers, then the queue: running jobs get `graceMs` to finish, then are handed back. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts the queue, the in-process workers and the advisory database updates. */
export async function startBackground(store: Store, options: BackgroundOptions): Promise<BackgroundWork> {
  const now = options.now ?? (() => new Date());
  const queue = await openQueue(store, {
    databaseUrl: options.databaseUrl,
    onEvent: logQueueEvent(options.log),
    ...(options.jobTimeoutSeconds ? { timeoutSeconds: options.jobTimeoutSeconds } : {}),
  });
  const advisories = advisorySource(options.advisoryDbPath);
  const context: JobContext = { store, queue, advisories, log: options.log, now };
  try {
    if (options.workers > 0) await startWorkers(queue, context, options.workers);
    const updates = new AdvisoryUpdates({
      store,
      queue,
      advisories,
      log: options.log,
      now,
      intervalMs: options.dbUpdateIntervalMs,
      env: options.env,
      ...(options.runUpdate ? { runUpdate: options.runUpdate } : {}),
    });
    await updates.start();
    return {
      queue,
      advisories,
      updates,
      async stop(graceMs = 30_000) {
        await updates.stop();
        await queue.stop({ graceMs });
      },
    };
  } catch (error) {
    await queue.stop({ graceMs: 0 });
    throw error;
  }
}
