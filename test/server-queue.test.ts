/**
 * The work queue contract on both engines, through `openQueue` as the server and workers open it: the SQLite queue
 * in the store's file and pg-boss on the local PostgreSQL (a schema per run). Process deaths are in
 * server-durability.test.ts; this covers delivery, de-duplication, singletons, retries, leases and stopping.
 */
import PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { openQueue } from '../src/server/queue/open-queue.ts';
import { pgBossSchemaFor } from '../src/server/queue/pg-boss-queue.ts';
import type { JobInfo, QueueEvent, WorkQueue } from '../src/server/queue/work-queue.ts';
import { openStore, type Store } from '../src/server/store/open-store.ts';
import { freshQueueDatabase } from './support/queue-database.ts';
import { ENGINES } from './support/server-harness.ts';

const DEFAULTS = { retryLimit: 2, retryDelaySeconds: 0, timeoutSeconds: 30 };

/** Resolves when `predicate` holds (polling every 20 ms), failing after `timeoutMs`. */
async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(ENGINES)('work queue on %s', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(options: { leaseSeconds?: number; events?: QueueEvent[] } = {}) {
    const database = await freshQueueDatabase(engine);
    const store = await openStore(database.url);
    cleanups.push(async () => {
      await store.close();
      await database.drop();
    });
    const queue = await queueOn(store, database.url, options);
    return { store, queue, url: database.url };
  }

  async function queueOn(store: Store, url: string, options: { leaseSeconds?: number; events?: QueueEvent[] } = {}) {
    const queue = await openQueue(store, {
      databaseUrl: url,
      pollMs: engine === 'sqlite' ? 50 : 500,
      ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}),
      ...(options.events ? { onEvent: (event: QueueEvent) => options.events?.push(event) } : {}),
    });
    cleanups.push(() => queue.stop({ graceMs: 100 }));
    return queue;
  }

  it('runs every job once with its payload, skipping duplicate ids', async () => {
    const { queue } = await open();
    await queue.define('echo', DEFAULTS);
    const id = '00000000-0000-4000-8000-0000000000a1';
    expect(await queue.enqueue('echo', { n: 1 }, { id })).toBe(id);
    expect(await queue.enqueue('echo', { n: 1 }, { id })).toBeNull();
    await queue.enqueueMany('echo', [
      { id, payload: { n: 1 } },
      { id: '00000000-0000-4000-8000-0000000000a2', payload: { n: 2 } },
      { id: '00000000-0000-4000-8000-0000000000a3', payload: { n: 3 } },
    ]);
    expect(await queue.depth()).toBe(3);
    const seen: unknown[] = [];
    await queue.work('echo', async (payload) => {
      seen.push(payload);
    });
    await until(async () => seen.length === 3 && (await queue.depth()) === 0);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('keeps one waiting job per singleton key, and starts it only after the running one ended', async () => {
    const { queue } = await open();
    await queue.define('plan', { ...DEFAULTS, singleton: true });
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runs: number[] = [];
    expect(await queue.enqueue('plan', { run: 1 }, { singletonKey: 'db' })).toEqual(expect.any(String));
    expect(await queue.enqueue('plan', { run: 9 }, { singletonKey: 'db' })).toBeNull();
    await queue.work(
      'plan',
      async (payload: { run: number }) => {
        runs.push(payload.run);
        if (payload.run === 1) await blocked;
      },
      { concurrency: 2 },
    );
    await until(() => runs.length === 1);
    expect(await queue.enqueue('plan', { run: 2 }, { singletonKey: 'db' })).toEqual(expect.any(String));
    expect(await queue.enqueue('plan', { run: 3 }, { singletonKey: 'db' })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs).toEqual([1]);
    release();
    await until(() => runs.length === 2);
    expect(runs).toEqual([1, 2]);
  });

  it('retries a failing job up to its limit, telling the handler the attempt', async () => {
    const events: QueueEvent[] = [];
    const { queue } = await open({ events });
    await queue.define('flaky', { ...DEFAULTS, retryLimit: 2 });
    const attempts: number[] = [];
    await queue.enqueue('flaky', {});
    await queue.work('flaky', async (_payload, job: JobInfo) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error(`attempt ${job.attempt} broke`);
    });
    await until(() => events.some((event) => event.type === 'completed'));
    expect(attempts).toEqual([1, 2, 3]);
    expect(events.filter((event) => event.type === 'failed')).toEqual([
      { type: 'failed', kind: 'flaky', id: expect.any(String), error: 'attempt 1 broke', willRetry: true },
      { type: 'failed', kind: 'flaky', id: expect.any(String), error: 'attempt 2 broke', willRetry: true },
    ]);
  });

  it('renews the lease of a job that runs longer than it, so no other worker takes it', async () => {
    const { store, queue, url } = await open({ leaseSeconds: 3 });
    const other = await queueOn(store, url, { leaseSeconds: 3 });
    await queue.define('long', DEFAULTS);
    await other.define('long', DEFAULTS);
    const runs: string[] = [];
    await queue.enqueue('long', {});
    await queue.work('long', async () => {
      runs.push('first');
      await new Promise((resolve) => setTimeout(resolve, 8000));
    });
    await until(() => runs.length === 1);
    await other.work('long', async () => {
      runs.push('other');
    });
    await until(async () => (await queue.depth()) === 0, 20_000);
    expect(runs).toEqual(['first']);
  });

  it('on stop, hands a job that outlives the grace time back to the queue for another worker', async () => {
    const { store, queue, url } = await open();
    await queue.define('work', DEFAULTS);
    let signal: AbortSignal | undefined;
    await queue.enqueue('work', { n: 7 });
    await queue.work('work', async (_payload, job) => {
      signal = job.signal;
      await new Promise(() => undefined);
    });
    await until(() => signal !== undefined);
    await queue.stop({ graceMs: 100 });
    expect(signal?.aborted).toBe(true);
    const next = await queueOn(store, url);
    await next.define('work', DEFAULTS);
    const seen: unknown[] = [];
    await next.work('work', async (payload) => {
      seen.push(payload);
    });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ n: 7 }]);
  });
});

describe('pg-boss queue', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('takes over a job whose worker stopped renewing its lease', async () => {
    const database = await freshQueueDatabase('postgres');
    const store = await openStore(database.url);
    cleanups.push(async () => {
      await store.close();
      await database.drop();
    });
    const events: QueueEvent[] = [];
    const queue: WorkQueue = await openQueue(store, {
      databaseUrl: database.url,
      pollMs: 500,
      leaseSeconds: 3,
      onEvent: (event) => events.push(event),
    });
    cleanups.push(() => queue.stop({ graceMs: 100 }));
    await queue.define('work', DEFAULTS);
    const id = await queue.enqueue('work', { n: 1 });
    // Another process takes the job and dies: pg-boss's own fetch, and no heartbeat ever after.
    const url = new URL(database.url);
    url.searchParams.delete('schema');
    const dead = new PgBoss({
      connectionString: url.toString(),
      schema: pgBossSchemaFor(store.schema),
      supervise: false,
    });
    await dead.start();
    const [taken] = await dead.fetch('work');
    await dead.stop({ graceful: false });
    expect(taken?.id).toBe(id);

    const seen: number[] = [];
    await queue.work('work', async (_payload, job) => {
      seen.push(job.attempt);
    });
    await until(() => seen.length === 1, 30_000);
    expect(seen).toEqual([2]);
    await until(() => events.some((event) => event.type === 'completed' && event.id === id));
  });
});
