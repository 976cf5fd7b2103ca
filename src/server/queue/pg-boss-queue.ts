/**
 * The work queue on PostgreSQL, through pg-boss (https://github.com/timgit/pg-boss, v10): its tables live in a
 * schema of their own next to the store's, and every `lucent server` and `lucent worker` on the same database shares
 * them. Jobs are taken with `FOR UPDATE SKIP LOCKED`, so each runs on one worker at a time.
 *
 * Leases: pg-boss expires an active job whose `started_on + expire_in` has passed (its maintenance runs in any live
 * instance) and puts it back for another worker. Each job is sent with `expire_in` = the lease (30 s), and the worker
 * running it moves `started_on` forward every third of that: a heartbeat (pg-boss 10 has none of its own, so this one
 * statement touches its `job` table). A killed worker's job is taken over within a lease, however long the job may
 * legitimately run; the kind's time limit is enforced here, by aborting the handler.
 *
 * The loop fetches and completes jobs itself rather than through `boss.work`, so a handler gets an abort signal on
 * its time limit, when another worker took its job over, and on a stop, which hands a running job back at once.
 */
import PgBoss from 'pg-boss';
import { LucentError } from '../../core/errors.ts';
import {
  type EnqueueOptions,
  errorText,
  type JobHandler,
  type JobKindDefaults,
  type QueueEvent,
  type StopOptions,
  type WorkOptions,
  type WorkQueue,
} from './work-queue.ts';

/** Options of the pg-boss queue. */
export interface PgBossQueueOptions {
  /** `postgres://…` (a `schema` parameter is ignored; `schema` below says where pg-boss's tables go). */
  databaseUrl: string;
  /** The schema of pg-boss's tables. */
  schema: string;
  /** How often an idle worker polls for jobs (default 1 s; pg-boss allows no less than 0.5 s). */
  pollMs?: number;
  /** How long a running job stays its worker's without a heartbeat (default 30 s). */
  leaseSeconds?: number;
  onEvent?: (event: QueueEvent) => void;
}

const DEFAULT_LEASE_SECONDS = 30;

/** Opens (and, on first use, installs) pg-boss in `options.schema`. */
export async function pgBossQueue(options: PgBossQueueOptions): Promise<WorkQueue> {
  const url = new URL(options.databaseUrl);
  url.searchParams.delete('schema');
  const leaseSeconds = Math.max(3, Math.round(options.leaseSeconds ?? DEFAULT_LEASE_SECONDS));
  const boss = new PgBoss({
    connectionString: url.toString(),
    schema: options.schema,
    application_name: 'lucent-queue',
    max: 4,
    supervise: true,
    // Lucent schedules its own periodic work; pg-boss's cron is not used.
    schedule: false,
    // Expired leases are looked for four times per lease.
    maintenanceIntervalSeconds: Math.max(1, Math.floor(leaseSeconds / 4)),
  });
  const onEvent = options.onEvent ?? (() => undefined);
  boss.on('error', (error) => onEvent({ type: 'error', error: errorText(error) }));
  try {
    await boss.start();
  } catch (error) {
    throw new LucentError('E_DATABASE_UNAVAILABLE', `cannot start the work queue: ${errorText(error)}`, {
      cause: error,
    });
  }
  return new PgBossQueue(boss, { schema: options.schema, leaseSeconds, pollMs: options.pollMs ?? 1000, onEvent });
}

/** pg-boss's schema for a store schema: `pgboss` beside `public`, else `<schema>_pgboss`. */
export function pgBossSchemaFor(storeSchema: string | undefined): string {
  if (!storeSchema || storeSchema === 'public') return 'pgboss';
  const name = `${storeSchema}_pgboss`;
  if (name.length > 63) {
    throw new LucentError('E_USAGE', `the schema name ${storeSchema} is too long to name the queue's schema after it`, {
      hint: 'use a schema name of at most 56 characters',
    });
  }
  return name;
}

/** What a job carries in pg-boss's `data`: the payload, and a time limit given when it was enqueued. */
interface JobData {
  payload: unknown;
  timeoutSeconds?: number;
}

interface RunningJob {
  kind: string;
  controller: AbortController;
  done: Promise<void>;
  held: boolean;
}

class PgBossQueue implements WorkQueue {
  readonly engine = 'pg-boss' as const;
  readonly #boss: PgBoss;
  readonly #pollMs: number;
  readonly #leaseSeconds: number;
  readonly #renewSql: string;
  readonly #onEvent: (event: QueueEvent) => void;
  readonly #kinds = new Map<string, JobKindDefaults>();
  readonly #loops: Promise<void>[] = [];
  readonly #running = new Map<string, RunningJob>();
  #sleepers: (() => void)[] = [];
  #stopping = false;

  constructor(
    boss: PgBoss,
    options: { schema: string; leaseSeconds: number; pollMs: number; onEvent: (event: QueueEvent) => void },
  ) {
    this.#boss = boss;
    this.#pollMs = Math.max(500, options.pollMs);
    this.#leaseSeconds = options.leaseSeconds;
    // The schema name is Lucent's own (pgBossSchemaFor, from a checked store schema); identifiers cannot be bound.
    // A worker that fetched it again since has raised its retry_count: then it is no longer ours to renew.
    this.#renewSql = `UPDATE "${options.schema}".job SET started_on = now()
      WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`;
    this.#onEvent = options.onEvent;
  }

  async define(kind: string, defaults: JobKindDefaults): Promise<void> {
    this.#kinds.set(kind, defaults);
    // Idempotent: an existing queue is left as it is (several processes define the same kinds).
    await this.#boss.createQueue(kind, {
      name: kind,
      policy: defaults.singleton ? 'stately' : 'standard',
      ...this.#jobOptions(defaults),
    });
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<string | null> {
    const defaults = this.#defaults(kind);
    const data: JobData = {
      payload: payload ?? null,
      ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    };
    const retries = {
      retryLimit: options.retryLimit ?? defaults.retryLimit,
      retryDelaySeconds: options.retryDelaySeconds ?? defaults.retryDelaySeconds,
    };
    const id = await this.#boss.send(kind, data, {
      ...this.#jobOptions(retries),
      ...(options.id ? { id: options.id } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
    if (id) this.#wake();
    return id;
  }

  async enqueueMany(kind: string, jobs: readonly { payload: unknown; id?: string }[]): Promise<void> {
    const defaults = this.#defaults(kind);
    for (let start = 0; start < jobs.length; start += 1000) {
      await this.#boss.insert(
        jobs.slice(start, start + 1000).map((job) => ({
          name: kind,
          data: { payload: job.payload ?? null } satisfies JobData,
          ...(job.id ? { id: job.id } : {}),
          ...this.#jobOptions(defaults),
        })),
      );
    }
    if (jobs.length > 0) this.#wake();
  }

  async work<P>(kind: string, handler: JobHandler<P>, options: WorkOptions = {}): Promise<void> {
    this.#defaults(kind);
    for (let n = 0; n < Math.max(1, options.concurrency ?? 1); n++) {
      this.#loops.push(this.#loop(kind, handler as JobHandler<unknown>));
    }
  }

  async depth(): Promise<number> {
    let total = 0;
    for (const kind of this.#kinds.keys()) total += await this.#boss.getQueueSize(kind, { before: 'completed' });
    return total;
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.#stopping = true;
    this.#wake();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, options.graceMs ?? 30_000).unref());
    await Promise.race([Promise.all([...this.#running.values()].map((job) => job.done)), grace]);
    for (const [id, job] of this.#running) {
      job.held = false;
      job.controller.abort(new Error('the worker is stopping'));
      // Failing it puts it back (state `retry`) for another worker; this counts as one of its attempts.
      await this.#boss.fail(job.kind, id, { message: 'released: the worker stopped' }).catch(() => undefined);
      this.#onEvent({ type: 'released', kind: job.kind, id });
    }
    this.#running.clear();
    await Promise.all(this.#loops);
    await this.#boss.stop({ graceful: false, close: true });
  }

  #defaults(kind: string): JobKindDefaults {
    const defaults = this.#kinds.get(kind);
    if (!defaults) throw new Error(`job kind ${kind} is not defined`);
    return defaults;
  }

  #jobOptions(retries: { retryLimit: number; retryDelaySeconds: number }) {
    return {
      retryLimit: retries.retryLimit,
      retryDelay: retries.retryDelaySeconds,
      retryBackoff: true,
      // The lease: pg-boss sees a job expire only when its worker stopped renewing it.
      expireInSeconds: this.#leaseSeconds,
    };
  }

  async #loop(kind: string, handler: JobHandler<unknown>): Promise<void> {
    while (!this.#stopping) {
      let job: PgBoss.JobWithMetadata<JobData> | undefined;
      try {
        [job] = await this.#boss.fetch<JobData>(kind, { batchSize: 1, includeMetadata: true });
      } catch (error) {
        this.#onEvent({ type: 'error', error: errorText(error) });
      }
      if (job && this.#stopping) {
        await this.#boss.fail(kind, job.id, { message: 'released: the worker stopped' }).catch(() => undefined);
      } else if (job) {
        await this.#run(kind, job, handler);
      } else {
        await this.#sleep(this.#pollMs);
      }
    }
  }

  async #run(kind: string, job: PgBoss.JobWithMetadata<JobData>, handler: JobHandler<unknown>): Promise<void> {
    const controller = new AbortController();
    const started = Date.now();
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running: RunningJob = { kind, controller, done, held: true };
    this.#running.set(job.id, running);
    const seconds = job.data?.timeoutSeconds ?? this.#defaults(kind).timeoutSeconds;
    const timeout = setTimeout(() => controller.abort(new Error(`timed out after ${seconds} s`)), seconds * 1000);
    const renew = () => void this.#renew(kind, job, running);
    const heartbeat = setInterval(renew, (this.#leaseSeconds * 1000) / 3);
    const aborted = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    const attempt = job.retryCount + 1;
    this.#onEvent({ type: 'started', kind, id: job.id, attempt });
    try {
      const info = { id: job.id, kind, attempt, retryLimit: job.retryLimit, signal: controller.signal };
      await Promise.race([handler(job.data?.payload ?? null, info), aborted]);
      if (running.held) {
        await this.#boss.complete(kind, job.id);
        this.#onEvent({ type: 'completed', kind, id: job.id, ms: Date.now() - started });
      }
    } catch (error) {
      if (running.held) await this.#fail(kind, job, error);
    } finally {
      clearTimeout(timeout);
      clearInterval(heartbeat);
      this.#running.delete(job.id);
      finish();
    }
  }

  async #fail(kind: string, job: PgBoss.JobWithMetadata<JobData>, error: unknown): Promise<void> {
    await this.#boss.fail(kind, job.id, { message: errorText(error) }).catch((failure: unknown) => {
      this.#onEvent({ type: 'error', error: errorText(failure) });
    });
    const willRetry = job.retryCount < job.retryLimit;
    this.#onEvent({ type: 'failed', kind, id: job.id, error: errorText(error), willRetry });
  }

  /** Moves the job's lease forward; when the job is no longer ours (expired and retried, or done), aborts it. */
  async #renew(kind: string, job: PgBoss.JobWithMetadata<JobData>, running: RunningJob): Promise<void> {
    try {
      const values = [kind, job.id, job.retryCount];
      const result = (await this.#boss.getDb().executeSql(this.#renewSql, values)) as { rowCount?: number | null };
      if (result.rowCount === 0 && running.held) {
        running.held = false;
        running.controller.abort(new Error('another worker took the job over'));
      }
    } catch (error) {
      this.#onEvent({ type: 'error', error: errorText(error) });
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#sleepers.push(done);
    });
  }

  #wake(): void {
    const sleepers = this.#sleepers;
    this.#sleepers = [];
    for (const wake of sleepers) wake();
  }
}
