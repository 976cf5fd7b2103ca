import { describe, expect, it } from 'vitest';
import { formatDuration, runPool } from './run-pool.ts';

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

describe('runPool', () => {
  it('runs at most `parallelism` jobs at once and returns outcomes in order', async () => {
    let running = 0;
    let peak = 0;
    const outcomes = await runPool([30, 10, 20, 5, 15], { parallelism: 2, timeoutMs: 5_000 }, async (ms) => {
      running += 1;
      peak = Math.max(peak, running);
      await wait(ms);
      running -= 1;
      if (ms === 20) throw new Error('broken image');
      return ms * 2;
    });
    expect(peak).toBe(2);
    expect(outcomes).toEqual([
      { ok: true, value: 60 },
      { ok: true, value: 20 },
      { ok: false, error: new Error('broken image'), reason: 'broken image' },
      { ok: true, value: 10 },
      { ok: true, value: 30 },
    ]);
  });

  it('gives up on a job at its time limit, and tells it through its signal', async () => {
    let noticed = false;
    const outcomes = await runPool(['slow', 'fast'], { parallelism: 2, timeoutMs: 50 }, async (name, signal) => {
      if (name === 'fast') return 'ok';
      // A job that ignores its signal is still given up on.
      signal.addEventListener('abort', () => {
        noticed = true;
      });
      await wait(10_000);
      return 'never';
    });
    expect(outcomes[0]).toMatchObject({ ok: false, reason: 'timed out after 50ms' });
    expect(outcomes[1]).toEqual({ ok: true, value: 'ok' });
    expect(noticed).toBe(true);
  });

  it('stops: running jobs are aborted, queued ones never start', async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const running = runPool(
      [1, 2, 3, 4],
      { parallelism: 1, timeoutMs: 10_000, signal: stop.signal },
      async (n, signal) => {
        started.push(n);
        if (n === 2) stop.abort();
        await wait(5, signal);
        return n;
      },
    );
    const outcomes = await running;
    expect(started).toEqual([1, 2]);
    expect(outcomes).toEqual([
      { ok: true, value: 1 },
      { ok: false, error: expect.anything(), reason: 'stopped' },
      { ok: false, skipped: true },
      { ok: false, skipped: true },
    ]);
  });

  it.each([
    [500, '500ms'],
    [1_400, '1s'],
    [45_000, '45s'],
    [600_000, '10m'],
    [90_000, '1m30s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
