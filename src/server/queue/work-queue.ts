/**
 * The durable work queue (DESIGN §8, docs/queue.md): one contract, two engines. On SQLite the jobs live in the
 * store's own database (sqlite-queue.ts); on PostgreSQL pg-boss runs them (pg-boss-queue.ts), so several `lucent
 * worker` processes share the work. Delivery is at least once: a job whose worker died is run again, so every
 * handler must be idempotent (running it twice leaves what running it once does).
 */

/** How a job is enqueued. */
export interface EnqueueOptions {
  /** The job's id (a UUID). Enqueueing an id that is already queued or running is a no-op, so fan-outs can repeat. */
  id?: string;
  /** At most one waiting job per (kind, key): enqueueing another while one waits is a no-op. */
  singletonKey?: string;
  /** Runs after the first that a failure allows (default: the kind's). */
  retryLimit?: number;
  /** Seconds before a failed job runs again; doubled at each further failure (default: the kind's). */
  retryDelaySeconds?: number;
  /** Longest a run may take; past it the run counts as failed (default: the kind's). */
  timeoutSeconds?: number;
  /** Not before this time. */
  startAfter?: Date;
}

/** A job as its handler sees it. */
export interface JobInfo {
  id: string;
  kind: string;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  retryLimit: number;
  /** Aborted when the run times out, the worker stops and releases it, or another worker took it over. */
  signal: AbortSignal;
}

/** Does one job; throwing fails the run (retried while the retry limit allows). */
export type JobHandler<P> = (payload: P, job: JobInfo) => Promise<void>;

/** How a kind's jobs are worked. */
export interface WorkOptions {
  /** Jobs of this kind run at once in this process (default 1). */
  concurrency?: number;
}

/** How to stop. */
export interface StopOptions {
  /** Time running jobs get to finish; after it they are aborted and released for another worker (default 30 s). */
  graceMs?: number;
}

/** Defaults of a job kind, used when `enqueue` does not override them. */
export interface JobKindDefaults {
  retryLimit: number;
  retryDelaySeconds: number;
  timeoutSeconds: number;
  /**
   * Jobs of this kind carry a singleton key (always): at most one waits per key, and it does not start while another
   * with its key runs (pg-boss's `stately` policy). Without it, `singletonKey` is ignored on PostgreSQL.
   */
  singleton?: boolean;
}

/** What happened to a job, for logs and tests. */
export type QueueEvent =
  | { type: 'started'; kind: string; id: string; attempt: number }
  | { type: 'completed'; kind: string; id: string; ms: number }
  | { type: 'failed'; kind: string; id: string; error: string; willRetry: boolean }
  | { type: 'released'; kind: string; id: string }
  | { type: 'reclaimed'; kind: string; id: string; worker: string }
  | { type: 'error'; error: string };

/** The queue. */
export interface WorkQueue {
  /** `sqlite` (in-process, the store's database) or `pg-boss`. */
  readonly engine: 'sqlite' | 'pg-boss';
  /** Declares a kind and its defaults; must precede `enqueue` and `work` of that kind. */
  define(kind: string, defaults: JobKindDefaults): Promise<void>;
  /** Adds a job; resolves with its id, or null when an id or singleton key made it a no-op. */
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<string | null>;
  /** Adds many jobs of one kind at once (a fan-out); ids already present are skipped. */
  enqueueMany(kind: string, jobs: readonly { payload: unknown; id?: string }[]): Promise<void>;
  /** Starts working jobs of `kind` with `handler` until `stop`. */
  work<P>(kind: string, handler: JobHandler<P>, options?: WorkOptions): Promise<void>;
  /** Jobs waiting or running (every kind), for the `lucent_queue_depth` metric. */
  depth(): Promise<number>;
  /** Stops taking jobs, lets running ones finish (or releases them after the grace time), and closes. */
  stop(options?: StopOptions): Promise<void>;
}

/** How long a failed job waits before its `attempt`-th run (exponential backoff, capped at an hour). */
export function retryDelayMs(baseSeconds: number, attempt: number): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
}

/** The message of any thrown value, one line, bounded (it is stored with the job). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 1000);
}
