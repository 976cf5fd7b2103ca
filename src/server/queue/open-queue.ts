/**
 * The work queue for a store, chosen by its engine: the in-process SQLite queue in the store's own database, or
 * pg-boss beside the store's PostgreSQL schema. Every job kind is declared on it.
 */
import type { Store } from '../store/open-store.ts';
import { defineJobKinds, type KindOverrides } from './job-kinds.ts';
import { pgBossQueue, pgBossSchemaFor } from './pg-boss-queue.ts';
import { sqliteQueue } from './sqlite-queue.ts';
import type { QueueEvent, WorkQueue } from './work-queue.ts';

/** How to open the queue. */
export interface OpenQueueOptions extends KindOverrides {
  /** The store's URL (pg-boss opens its own connections to the same database). */
  databaseUrl: string;
  /** How long a running job stays its worker's without a heartbeat (default 30 s); a dead worker's job waits this long. */
  leaseSeconds?: number;
  /** How often idle workers look for jobs (default 1 s). */
  pollMs?: number;
  onEvent?: (event: QueueEvent) => void;
}

/** Opens the queue for `store` with every job kind defined. */
export async function openQueue(store: Store, options: OpenQueueOptions): Promise<WorkQueue> {
  const common = {
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  const queue =
    store.dialect === 'sqlite'
      ? sqliteQueue(store, { ...common, ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}) })
      : await pgBossQueue({
          ...common,
          databaseUrl: options.databaseUrl,
          schema: pgBossSchemaFor(store.schema),
          ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}),
        });
  try {
    await defineJobKinds(queue, options);
  } catch (error) {
    await queue.stop({ graceMs: 0 });
    throw error;
  }
  return queue;
}
