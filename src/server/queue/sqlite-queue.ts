/**
 * The work queue on SQLite: jobs are rows of `queue_jobs` in the store's own database, so a job and the data it
 * works on share one file and one backup. A worker claims a job in a write transaction (BEGIN IMMEDIATE, so two
 * processes on the same file never claim the same row) and holds it under a lease that a heartbeat renews. A worker
 * that dies stops renewing: once the lease expires, any worker (the restarted server, a `lucent worker`) takes the job
 * again. A dead worker on this host is noticed at once (its process id no longer exists), without waiting.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';
import { type QueueDb, type QueueJobsTable, withQueueTables } from './tables.ts';
import {
  type EnqueueOptions,
  errorText,
  type JobHandler,
  type JobKindDefaults,
  type QueueEvent,
  retryDelayMs,
  type StopOptions,
  type WorkOptions,
  type WorkQueue,
} from './work-queue.ts';

type JobRow = Selectable<QueueJobsTable>;

/** Options of the SQLite queue. */
export interface SqliteQueueOptions {
  /** How long a claimed job stays ours without a heartbeat (default 30 s); a dead worker's job waits this long. */
  leaseSeconds?: number;
  /** How often an idle worker looks for jobs enqueued by other processes (default 1 s). */
  pollMs?: number;
  now?: () => Date;
  onEvent?: (event: QueueEvent) => void;
}

const DEFAULT_LEASE_SECONDS = 30;

/** A job this queue runs: `held` until it is released or another worker took it over. */
interface RunningJob {
  kind: string;
  controller: AbortController;
  done: Promise<void>;
  held: boolean;
}
/** Failed jobs are kept this long for inspection, then purged. */
const FAILED_RETENTION_MS = 7 * 86_400_000;

/** A queue over the store's SQLite database. */
export function sqliteQueue(store: Store, options: SqliteQueueOptions = {}): WorkQueue {
  return new SqliteQueue(store.db, options);
}

class SqliteQueue implements WorkQueue {
  readonly engine = 'sqlite' as const;
  readonly #db: QueueDb;
  readonly #kinds = new Map<string, JobKindDefaults>();
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #now: () => Date;
  readonly #onEvent: (event: QueueEvent) => void;
  /** `host:pid:token`: unique per queue instance, and says where to look for its process. */
  readonly #worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #loops: Promise<void>[] = [];
  readonly #running = new Map<string, RunningJob>();
  #sleepers: (() => void)[] = [];
  #stopping = false;
  #lastReap = 0;

  constructor(db: Kysely<Database>, options: SqliteQueueOptions) {
    this.#db = withQueueTables(db);
    this.#leaseMs = (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
    this.#pollMs = options.pollMs ?? 1000;
    this.#now = options.now ?? (() => new Date());
    this.#onEvent = options.onEvent ?? (() => undefined);
  }

  async define(kind: string, defaults: JobKindDefaults): Promise<void> {
    this.#kinds.set(kind, defaults);
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<string | null> {
    const defaults = this.#defaults(kind);
    const at = this.#now().toISOString();
    const id = options.id ?? randomUUID();
    const result = await this.#db
      .insertInto('queue_jobs')
      .values({
        id,
        kind,
        payload: JSON.stringify(payload ?? null),
        state: 'queued',
        singleton_key: options.singletonKey ?? null,
        retry_limit: options.retryLimit ?? defaults.retryLimit,
        retry_delay_seconds: options.retryDelaySeconds ?? defaults.retryDelaySeconds,
        timeout_seconds: options.timeoutSeconds ?? defaults.timeoutSeconds,
        run_after: (options.startAfter ?? this.#now()).toISOString(),
        created_at: at,
        updated_at: at,
      })
      // No conflict target: a duplicate id and a waiting singleton both make this a no-op.
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const added = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    if (added) this.#wake();
    return added ? id : null;
  }

  async enqueueMany(kind: string, jobs: readonly { payload: unknown; id?: string }[]): Promise<void> {
    const defaults = this.#defaults(kind);
    const at = this.#now().toISOString();
    let added = 0;
    await this.#db.transaction().execute(async (trx) => {
      // 13 columns per row; SQLite binds at most 32,766 values per statement.
      for (let start = 0; start < jobs.length; start += 2000) {
        const rows = jobs.slice(start, start + 2000).map((job) => ({
          id: job.id ?? randomUUID(),
          kind,
          payload: JSON.stringify(job.payload ?? null),
          state: 'queued',
          retry_limit: defaults.retryLimit,
          retry_delay_seconds: defaults.retryDelaySeconds,
          timeout_seconds: defaults.timeoutSeconds,
          run_after: at,
          created_at: at,
          updated_at: at,
        }));
        const result = await trx
          .insertInto('queue_jobs')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
    });
    if (added > 0) this.#wake();
  }

  async work<P>(kind: string, handler: JobHandler<P>, options: WorkOptions = {}): Promise<void> {
    this.#defaults(kind);
    await this.#purgeFailed();
    for (let n = 0; n < Math.max(1, options.concurrency ?? 1); n++) {
      this.#loops.push(this.#loop(kind, handler as JobHandler<unknown>));
    }
  }

  async depth(): Promise<number> {
    const row = await this.#db
      .selectFrom('queue_jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['queued', 'active'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.#stopping = true;
    this.#wake();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, options.graceMs ?? 30_000).unref());
    const running = () => Promise.all([...this.#running.values()].map((job) => job.done));
    await Promise.race([running(), grace]);
    // Still running after the grace time: abort them and hand them back, without counting the attempt.
    for (const [id, job] of this.#running) {
      job.held = false;
      job.controller.abort(new Error('the worker is stopping'));
      await this.#release(id);
      this.#onEvent({ type: 'released', kind: job.kind, id });
    }
    this.#running.clear();
    await Promise.all(this.#loops);
  }

  #defaults(kind: string): JobKindDefaults {
    const defaults = this.#kinds.get(kind);
    if (!defaults) throw new Error(`job kind ${kind} is not defined`);
    return defaults;
  }

  async #loop(kind: string, handler: JobHandler<unknown>): Promise<void> {
    while (!this.#stopping) {
      let job: JobRow | undefined;
      try {
        await this.#reapDeadWorkers();
        job = await this.#claim(kind);
      } catch (error) {
        this.#onEvent({ type: 'error', error: errorText(error) });
      }
      if (job && !this.#stopping) await this.#run(job, handler);
      else if (!job) await this.#sleep(this.#pollMs);
    }
  }

  /** Takes the next due job of `kind`: a waiting one, or one whose worker's lease ran out. */
  async #claim(kind: string): Promise<JobRow | undefined> {
    // An idle worker polls: look without the write lock first, so polling never blocks the server's writers.
    const now = this.#now().toISOString();
    const candidate = await this.#db
      .selectFrom('queue_jobs')
      .select('id')
      .where('kind', '=', kind)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('run_after', '<=', now)]),
          eb.and([eb('state', '=', 'active'), eb('lease_until', '<', now)]),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return undefined;
    return this.#db.transaction().execute(async (trx) => {
      for (;;) {
        const now = this.#now().toISOString();
        const row = await trx
          .selectFrom('queue_jobs as j')
          .selectAll('j')
          .where('j.kind', '=', kind)
          .where((eb) =>
            eb.or([
              eb.and([eb('j.state', '=', 'queued'), eb('j.run_after', '<=', now)]),
              eb.and([eb('j.state', '=', 'active'), eb('j.lease_until', '<', now)]),
            ]),
          )
          // A singleton waits while another job with its key runs.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('queue_jobs as a')
                  .select('a.id')
                  .whereRef('a.kind', '=', 'j.kind')
                  .whereRef('a.singleton_key', '=', 'j.singleton_key')
                  .whereRef('a.id', '<>', 'j.id')
                  .where('a.state', '=', 'active')
                  .where('a.lease_until', '>=', now),
              ),
            ),
          )
          .orderBy('j.run_after')
          .orderBy(sql`j.rowid`)
          .limit(1)
          .executeTakeFirst();
        if (!row) return undefined;
        if (row.state === 'active') {
          this.#onEvent({ type: 'reclaimed', kind, id: row.id, worker: row.worker ?? '' });
          if (row.attempts > row.retry_limit) {
            await trx
              .updateTable('queue_jobs')
              .set({ state: 'failed', lease_until: null, worker: null, updated_at: now, last_error: abandoned(row) })
              .where('id', '=', row.id)
              .execute();
            this.#onEvent({ type: 'failed', kind, id: row.id, error: abandoned(row), willRetry: false });
            continue;
          }
        }
        const claimed = {
          state: 'active',
          attempts: row.attempts + 1,
          lease_until: new Date(Date.parse(now) + this.#leaseMs).toISOString(),
          worker: this.#worker,
          updated_at: now,
        };
        await trx.updateTable('queue_jobs').set(claimed).where('id', '=', row.id).execute();
        return { ...row, ...claimed };
      }
    });
  }

  async #run(job: JobRow, handler: JobHandler<unknown>): Promise<void> {
    const controller = new AbortController();
    const started = Date.now();
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running: RunningJob = { kind: job.kind, controller, done, held: true };
    this.#running.set(job.id, running);
    const heartbeat = setInterval(() => void this.#renew(job.id, running), Math.max(50, this.#leaseMs / 3));
    const timeout = setTimeout(
      () => controller.abort(new Error(`timed out after ${job.timeout_seconds} s`)),
      job.timeout_seconds * 1000,
    );
    const aborted = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    this.#onEvent({ type: 'started', kind: job.kind, id: job.id, attempt: job.attempts });
    try {
      const info = { id: job.id, kind: job.kind, attempt: job.attempts, retryLimit: job.retry_limit };
      await Promise.race([handler(JSON.parse(job.payload), { ...info, signal: controller.signal }), aborted]);
      await this.#complete(job.id);
      this.#onEvent({ type: 'completed', kind: job.kind, id: job.id, ms: Date.now() - started });
    } catch (error) {
      // Released by stop() or taken over by another worker: the row is no longer ours to fail.
      if (running.held) await this.#fail(job, error);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(timeout);
      this.#running.delete(job.id);
      finish();
    }
  }

  async #renew(id: string, running: RunningJob): Promise<void> {
    try {
      const lease = new Date(this.#now().getTime() + this.#leaseMs).toISOString();
      const result = await this.#db
        .updateTable('queue_jobs')
        .set({ lease_until: lease })
        .where('id', '=', id)
        .where('worker', '=', this.#worker)
        .where('state', '=', 'active')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0 && running.held) {
        running.held = false;
        running.controller.abort(new Error('another worker took the job over'));
      }
    } catch (error) {
      this.#onEvent({ type: 'error', error: errorText(error) });
    }
  }

  async #complete(id: string): Promise<void> {
    await this.#db.deleteFrom('queue_jobs').where('id', '=', id).where('worker', '=', this.#worker).execute();
  }

  async #fail(job: JobRow, error: unknown): Promise<void> {
    const message = errorText(error);
    const willRetry = job.attempts <= job.retry_limit;
    const now = this.#now();
    const changes = willRetry
      ? {
          state: 'queued',
          run_after: new Date(now.getTime() + retryDelayMs(job.retry_delay_seconds, job.attempts)).toISOString(),
        }
      : { state: 'failed' };
    await this.#handBack(job.id, { ...changes, last_error: message, updated_at: now.toISOString() });
    this.#onEvent({ type: 'failed', kind: job.kind, id: job.id, error: message, willRetry });
  }

  /** Puts a job we hold back in the queue as if this run had not started. */
  async #release(id: string): Promise<void> {
    await this.#handBack(id, {
      state: 'queued',
      attempts: sql<number>`attempts - 1`,
      updated_at: this.#now().toISOString(),
    });
  }

  /** Ends our hold on a job; when another job with its singleton key already waits, that one covers it. */
  async #handBack(id: string, changes: Record<string, unknown>): Promise<void> {
    const update = () =>
      this.#db
        .updateTable('queue_jobs')
        .set({ ...changes, lease_until: null, worker: null })
        .where('id', '=', id)
        .where('worker', '=', this.#worker)
        .execute();
    try {
      await update();
    } catch (error) {
      if (!/UNIQUE constraint failed/i.test(errorText(error))) throw error;
      await this.#complete(id);
    }
  }

  /** Expires the leases of jobs whose worker ran on this host in a process that no longer exists. */
  async #reapDeadWorkers(): Promise<void> {
    if (Date.now() - this.#lastReap < this.#leaseMs / 3) return;
    this.#lastReap = Date.now();
    const active = await this.#db
      .selectFrom('queue_jobs')
      .select(['id', 'worker'])
      .where('state', '=', 'active')
      .where('worker', '<>', this.#worker)
      .execute();
    const dead = active.filter((row) => row.worker && !isAlive(row.worker, this.#worker)).map((row) => row.id);
    if (dead.length === 0) return;
    await this.#db
      .updateTable('queue_jobs')
      .set({ lease_until: new Date(0).toISOString() })
      .where('id', 'in', dead)
      .where('state', '=', 'active')
      .execute();
  }

  async #purgeFailed(): Promise<void> {
    const before = new Date(this.#now().getTime() - FAILED_RETENTION_MS).toISOString();
    await this.#db.deleteFrom('queue_jobs').where('state', '=', 'failed').where('updated_at', '<', before).execute();
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

function abandoned(row: JobRow): string {
  return `abandoned: its worker (${row.worker ?? 'unknown'}) stopped during run ${row.attempts} of ${row.retry_limit + 1}`;
}

/**
 * Whether the worker `host:pid:token` may still be running: on this host, while a process with that id exists (a
 * reused id only makes us wait for the lease).
 */
function isAlive(worker: string, self: string): boolean {
  const [host, pid] = worker.split(':');
  const [ownHost, ownPid] = self.split(':');
  // Another host, or another queue in this very process: only the lease can tell.
  if (host !== ownHost || pid === ownPid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
