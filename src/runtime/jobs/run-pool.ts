/**
 * Runs image jobs with bounded parallelism, a time limit per job and a stop signal. A job that runs out of time or
 * is stopped gets an aborted signal and is given up on at once (its own clean-up runs when it notices); jobs not
 * started when the run is stopped are not started at all.
 */

/** How to run the jobs. */
export interface PoolOptions {
  parallelism: number;
  /** Per job, in milliseconds. */
  timeoutMs: number;
  /** Stops the whole run. */
  signal?: AbortSignal;
}

/** How a job ended. */
export type JobOutcome<R> =
  | { ok: true; value: R }
  | { ok: false; error: unknown; reason: string }
  | { ok: false; skipped: true };

/** Runs `work` on every item; outcomes come back in item order. */
export async function runPool<T, R>(
  items: readonly T[],
  options: PoolOptions,
  work: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<JobOutcome<R>[]> {
  const outcomes: JobOutcome<R>[] = items.map(() => ({ ok: false, skipped: true }));
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length && !options.signal?.aborted) {
      const index = next++;
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      try {
        outcomes[index] = { ok: true, value: await untilAborted(work(items[index] as T, signal), signal) };
      } catch (error) {
        outcomes[index] = { ok: false, error, reason: reasonOf(error, signal, options.timeoutMs) };
      }
    }
  }
  const lanes = Math.max(1, Math.min(options.parallelism, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes;
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (the promise is left to finish on its own). */
export function untilAborted<R>(promise: Promise<R>, signal: AbortSignal): Promise<R> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<R>((resolve, reject) => {
    const abort = () => {
      promise.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** A human reason: a timeout or a stop says so; anything else gives its message. */
function reasonOf(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted && error === signal.reason) {
    const name = (error as { name?: string } | undefined)?.name;
    return name === 'TimeoutError' ? `timed out after ${formatDuration(timeoutMs)}` : 'stopped';
  }
  return error instanceof Error ? error.message : String(error);
}

/** `90000` → `1m30s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes}m${rest}s` : `${minutes}m`;
}
