/**
 * `lucent worker` at run time, as named steps: open the store (migrating it), open the queue, work every job kind,
 * and on SIGTERM/SIGINT stop: running jobs get the grace time to finish, then are handed back for another worker.
 */
import { createServerLogger } from '../logger.ts';
import { advisorySource } from '../services/rematch-advisories.ts';
import { openStore } from '../store/open-store.ts';
import { logQueueEvent, startWorkers } from './job-kinds.ts';
import { openQueue } from './open-queue.ts';
import type { WorkQueue } from './work-queue.ts';

/** The worker's settings (`lucent worker`'s flags). */
export interface WorkerConfig {
  databaseUrl: string;
  advisoryDb: string;
  concurrency: number;
  /** Every job kind's time limit, else each kind's own. */
  jobTimeoutSeconds: number | undefined;
  graceMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Runs jobs until a signal stops the process. */
export async function runWorker(config: WorkerConfig, io: { out: (line: string) => void }): Promise<void> {
  const logger = createServerLogger(config.logLevel);
  const store = await openStore(config.databaseUrl, { backgroundCheckpoints: true });
  let queue: WorkQueue | undefined;
  try {
    queue = await openQueue(store, {
      databaseUrl: config.databaseUrl,
      onEvent: logQueueEvent(logger),
      ...(config.jobTimeoutSeconds ? { timeoutSeconds: config.jobTimeoutSeconds } : {}),
    });
    const context = { store, queue, advisories: advisorySource(config.advisoryDb), log: logger, now: () => new Date() };
    await startWorkers(queue, context, config.concurrency);
  } catch (error) {
    await queue?.stop({ graceMs: 0 });
    await store.close();
    throw error;
  }
  io.out(
    `Lucent worker running ${config.concurrency} job(s) at once (${queue.engine} queue, ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//…@')})`,
  );
  const signal = await stopSignal(() => logger.warn('second signal: exiting now'));
  logger.info({ signal }, 'stopping: running jobs get the grace time, then go back to the queue');
  try {
    await queue.stop({ graceMs: config.graceMs });
  } finally {
    await store.close();
  }
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
function stopSignal(onSecond: () => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const handler = (signal: NodeJS.Signals) => {
      if (received) {
        onSecond();
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on('SIGTERM', handler);
    process.on('SIGINT', handler);
  });
}
