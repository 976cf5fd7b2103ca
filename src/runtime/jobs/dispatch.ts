/**
 * Scale-out of a runtime scan (PostgreSQL): the images to pull or re-match go to the work queue, one
 * `runtime-image-scan` job per unique digest, and the scan follows their progress in the store, where the workers
 * write it. A stop ends the wait at once (workers see the run is no longer in progress and give up their images);
 * when no image moves for longer than the per-image time limit plus a margin (no worker running, or all of them
 * lost), the images still open are given up as failed.
 */
import { uuidV5 } from '../../server/store/ids.ts';
import type { PlannedImage } from '../plan.ts';
import type { ImageProgress, RuntimeStore } from '../store/runtime-store.ts';
import { imageJobPayload, RUNTIME_IMAGE_SCAN } from './image-job.ts';
import { formatDuration } from './run-pool.ts';

/** The images of one run to hand to workers. */
export interface ImageDispatch {
  runId: string;
  images: readonly { image: PlannedImage; index: number }[];
  cis: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Told each time the store shows an image in a new state (already stored: only the caller's copy changes). */
  onChange(index: number, progress: ImageProgress): void | Promise<void>;
}

/** Runs a run's images elsewhere; resolves with the reason of every image it gave up on, by index. */
export type ImageDispatcher = (work: ImageDispatch) => Promise<Map<number, string>>;

/** Where the jobs go. */
export interface DispatchQueue {
  enqueueMany(kind: string, jobs: readonly { payload: unknown; id?: string }[]): Promise<void>;
}

/** How the dispatcher waits. */
export interface DispatchOptions {
  /** Between reads of the run's progress (default 250 ms). */
  pollMs?: number;
  /** Added to the per-image time limit before a run with no progress is given up (default 2 min: a lost worker's
   * job waits for its lease to run out, 30 s, before another worker takes it). */
  stallMarginMs?: number;
}

/** A dispatcher over the work queue and the runtime store. */
export function queueDispatcher(
  queue: DispatchQueue,
  store: RuntimeStore,
  options: DispatchOptions = {},
): ImageDispatcher {
  const pollMs = options.pollMs ?? 250;
  const margin = options.stallMarginMs ?? 120_000;
  return async (work) => {
    const given = new Map<number, string>();
    if (work.images.length === 0) return given;
    await queue.enqueueMany(
      RUNTIME_IMAGE_SCAN,
      work.images.map(({ image }) => ({
        id: uuidV5(`runtime-image:${work.runId}:${image.digest}`),
        payload: imageJobPayload(work.runId, image, { cis: work.cis, timeoutMs: work.timeoutMs }),
      })),
    );
    const open = new Map(work.images.map(({ image, index }) => [image.digest, { index, seen: 'queued' }]));
    let lastChange = Date.now();
    while (open.size > 0) {
      if (work.signal?.aborted) {
        for (const { index } of open.values()) given.set(index, 'stopped before it was scanned');
        return given;
      }
      if (Date.now() - lastChange > work.timeoutMs + margin) {
        const reason = `no worker finished it: nothing moved for ${formatDuration(work.timeoutMs + margin)} (is a lucent worker running?)`;
        for (const { index } of open.values()) given.set(index, reason);
        return given;
      }
      for (const progress of await store.runImages(work.runId)) {
        const entry = open.get(progress.digest);
        if (!entry || entry.seen === progress.state) continue;
        entry.seen = progress.state;
        lastChange = Date.now();
        await work.onChange(entry.index, progress);
        if (progress.state === 'done' || progress.state === 'failed') open.delete(progress.digest);
      }
      if (open.size > 0) await sleep(pollMs, work.signal);
    }
    return given;
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
