/**
 * The work queue for a store, chosen by its engine: the in-process SQLite queue in the store's own database, or
 * pg-boss beside the store's PostgreSQL schema. Every job kind is declared on it.
 */
import type { Store } from '../store/open-store.ts';
import { defineJobKinds, type KindOverrides, shortestTimeoutSeconds } from './job-kinds.ts';
import { pgBossQueue, pgBossSchemaFor } from './pg-boss-queue.ts';
import { sqliteQueue } from './sqlite-queue.ts';
import type { QueueEvent, WorkQueue } from './work-queue.ts';

/** How to open the queue. */
export interface OpenQueueOptions extends KindOverrides {
  /** The store's URL (pg-boss opens its own connections to the same database). */
  databaseUrl: string;
  /** SQLite: how long a claimed job stays ours without a heartbeat (default 30 s). */
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
          // A dead worker's job is noticed within a quarter of the shortest time limit (1 to 60 s).
          maintenanceSeconds: Math.min(60, Math.max(1, Math.ceil(shortestTimeoutSeconds(options) / 4))),
        });
  try {
    await defineJobKinds(queue, options);
  } catch (error) {
    await queue.stop({ graceMs: 0 });
    throw error;
  }
  return queue;
}
