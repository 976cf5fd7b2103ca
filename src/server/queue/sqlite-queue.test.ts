import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store.ts';
import { sqliteQueue } from './sqlite-queue.ts';
import { withQueueTables } from './tables.ts';
import type { JobInfo, QueueEvent, WorkQueue } from './work-queue.ts';

const DEFAULTS = { retryLimit: 2, retryDelaySeconds: 0, timeoutSeconds: 30 };

let dir: string;
let store: Store;
const queues: WorkQueue[] = [];

function queue(options: Parameters<typeof sqliteQueue>[1] = {}): WorkQueue {
  const created = sqliteQueue(store, { pollMs: 20, ...options });
  queues.push(created);
  return created;
}

/** Resolves when `predicate` holds, polling every 10 ms (fails after 5 s). */
async function until(predicate: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function rows() {
  return withQueueTables(store.db)
    .selectFrom('queue_jobs')
    .select(['id', 'state', 'attempts', 'last_error'])
    .orderBy('created_at')
    .execute();
}

beforeEach(async () => {
  // A file, not :memory:, so a second store can open the same database as another process would.
  dir = await mkdtemp(join(tmpdir(), 'lucent-queue-'));
  store = await openStore(`sqlite:${join(dir, 'server.db')}`);
});

afterEach(async () => {
  for (const created of queues.splice(0)) await created.stop({ graceMs: 100 });
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SQLite work queue', () => {
  it('runs each job once with its payload, then removes it', async () => {
    const q = queue();
    await q.define('echo', DEFAULTS);
    const seen: unknown[] = [];
    await q.enqueue('echo', { n: 1 });
    await q.enqueue('echo', { n: 2 });
    expect(await q.depth()).toBe(2);
    await q.work('echo', async (payload) => {
      seen.push(payload);
    });
    await until(async () => (await q.depth()) === 0 && seen.length === 2);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await rows()).toEqual([]);
  });

  it('skips a duplicate id and a second waiting job with the same singleton key', async () => {
    const q = queue();
    await q.define('plan', DEFAULTS);
    expect(await q.enqueue('plan', {}, { id: '00000000-0000-4000-8000-000000000001' })).toBe(
      '00000000-0000-4000-8000-000000000001',
    );
    expect(await q.enqueue('plan', {}, { id: '00000000-0000-4000-8000-000000000001' })).toBeNull();
    expect(await q.enqueue('plan', { a: 1 }, { singletonKey: 'db' })).toEqual(expect.any(String));
    expect(await q.enqueue('plan', { a: 2 }, { singletonKey: 'db' })).toBeNull();
    await q.enqueueMany('plan', [
      { id: '00000000-0000-4000-8000-000000000001', payload: {} },
      { id: '00000000-0000-4000-8000-000000000002', payload: {} },
    ]);
    expect(await q.depth()).toBe(3);
  });

  it('does not start a singleton while another job with its key runs, and queues one more meanwhile', async () => {
    const q = queue();
    await q.define('plan', DEFAULTS);
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runs: number[] = [];
    await q.enqueue('plan', { run: 1 }, { singletonKey: 'db' });
    await q.work(
      'plan',
      async (payload: { run: number }) => {
        runs.push(payload.run);
        if (payload.run === 1) await blocked;
      },
      { concurrency: 2 },
    );
    await until(() => runs.length === 1);
    expect(await q.enqueue('plan', { run: 2 }, { singletonKey: 'db' })).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(runs).toEqual([1]);
    release();
    await until(() => runs.length === 2);
    expect(runs).toEqual([1, 2]);
  });

  it('retries a failing job with its attempt number, and keeps it as failed after the retry limit', async () => {
    const q = queue();
    await q.define('flaky', { ...DEFAULTS, retryLimit: 1 });
    const attempts: number[] = [];
    await q.enqueue('flaky', {});
    await q.work('flaky', async (_payload, job: JobInfo) => {
      attempts.push(job.attempt);
      throw new Error(`attempt ${job.attempt} broke`);
    });
    await until(async () => (await rows())[0]?.state === 'failed');
    expect(attempts).toEqual([1, 2]);
    expect(await rows()).toEqual([
      { id: expect.any(String), state: 'failed', attempts: 2, last_error: 'attempt 2 broke' },
    ]);
    expect(await q.depth()).toBe(0);
  });

  it('aborts a job past its time limit and counts it as a failed run', async () => {
    const q = queue();
    await q.define('slow', { ...DEFAULTS, retryLimit: 0, timeoutSeconds: 0.2 });
    let aborted = false;
    await q.enqueue('slow', {});
    await q.work('slow', async (_payload, job) => {
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve()));
      aborted = true;
    });
    await until(async () => (await rows())[0]?.state === 'failed');
    expect(aborted).toBe(true);
    expect((await rows())[0]?.last_error).toBe('timed out after 0.2 s');
  });

  it('hands a running job over to another worker once its worker stopped renewing the lease', async () => {
    // The first worker's clock runs 60 s behind: its lease looks expired to the second one at once.
    const events: QueueEvent[] = [];
    const stale = queue({ leaseSeconds: 1, now: () => new Date(Date.now() - 60_000) });
    const second = await openStore(`sqlite:${join(dir, 'server.db')}`);
    try {
      await stale.define('work', DEFAULTS);
      const seen: { worker: string; attempt: number }[] = [];
      let firstSignal: AbortSignal | undefined;
      await stale.enqueue('work', { n: 1 });
      await stale.work('work', async (_payload, job) => {
        firstSignal = job.signal;
        seen.push({ worker: 'stale', attempt: job.attempt });
        await new Promise(() => undefined);
      });
      await until(() => seen.length === 1);
      const other = sqliteQueue(second, { pollMs: 20, leaseSeconds: 1, onEvent: (event) => events.push(event) });
      queues.push(other);
      await other.define('work', DEFAULTS);
      await other.work('work', async (_payload, job) => {
        seen.push({ worker: 'other', attempt: job.attempt });
      });
      await until(async () => (await other.depth()) === 0);
      expect(seen).toEqual([
        { worker: 'stale', attempt: 1 },
        { worker: 'other', attempt: 2 },
      ]);
      expect(events.map((event) => event.type)).toEqual(['reclaimed', 'started', 'completed']);
      // The first worker's heartbeat finds the job gone from it and aborts its handler.
      await until(() => firstSignal?.aborted === true);
    } finally {
      for (const created of queues.splice(0)) await created.stop({ graceMs: 100 });
      await second.close();
    }
  });

  it('on stop, lets a running job finish within the grace time', async () => {
    const q = queue();
    await q.define('work', DEFAULTS);
    let finished = false;
    await q.enqueue('work', {});
    await q.work('work', async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = true;
    });
    await until(async () => (await rows())[0]?.state === 'active');
    await q.stop({ graceMs: 5000 });
    expect(finished).toBe(true);
    expect(await rows()).toEqual([]);
  });

  it('on stop, releases a job that outlives the grace time without counting the attempt', async () => {
    const q = queue();
    await q.define('work', DEFAULTS);
    let signal: AbortSignal | undefined;
    await q.enqueue('work', {});
    await q.work('work', async (_payload, job) => {
      signal = job.signal;
      await new Promise(() => undefined);
    });
    await until(async () => (await rows())[0]?.state === 'active');
    await q.stop({ graceMs: 50 });
    expect(signal?.aborted).toBe(true);
    expect(await rows()).toEqual([{ id: expect.any(String), state: 'queued', attempts: 0, last_error: null }]);
    const next = queue();
    await next.define('work', DEFAULTS);
    const attempts: number[] = [];
    await next.work('work', async (_payload, job) => {
      attempts.push(job.attempt);
    });
    await until(() => attempts.length === 1);
    expect(attempts).toEqual([1]);
  });
});
