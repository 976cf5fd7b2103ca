import { describe, expect, it } from 'vitest';
import { uuidV5 } from '../../server/store/ids.ts';
import type { PlannedImage } from '../plan.ts';
import { memoryRuntimeStore } from '../store/memory-store.ts';
import type { ImageProgress } from '../store/runtime-store.ts';
import { queueDispatcher } from './dispatch.ts';
import { RUNTIME_IMAGE_SCAN } from './image-job.ts';

const RUN = '00000000-0000-5000-8000-000000000001';

function image(n: number): PlannedImage {
  const digest = `sha256:${String(n).repeat(64)}`;
  return {
    digest,
    references: [`r.io/app${n}@${digest}`],
    names: [`r.io/app${n}:1`],
    action: 'pull',
    pullSecrets: ['ops/regcred'],
    usages: [],
    namespaces: ['ops'],
  };
}

function progress(planned: PlannedImage, state: ImageProgress['state'], reason?: string): ImageProgress {
  return {
    digest: planned.digest,
    name: planned.names[0] ?? '',
    action: 'pull',
    state,
    pods: [],
    ...(reason ? { reason } : {}),
  };
}

describe('queueDispatcher', () => {
  it('enqueues one job per image, with ids from the run and the digest, and follows the workers to the end', async () => {
    const store = memoryRuntimeStore();
    const images = [image(1), image(2)];
    const sent: { kind: string; jobs: readonly { payload: unknown; id?: string }[] }[] = [];
    const seen: string[] = [];
    const queue = {
      async enqueueMany(kind: string, jobs: readonly { payload: unknown; id?: string }[]) {
        sent.push({ kind, jobs });
        // Workers elsewhere: one image goes through its steps, the other fails.
        setTimeout(() => void store.saveImageProgress(RUN, progress(images[0] as PlannedImage, 'analyzing')), 5);
        setTimeout(() => void store.saveImageProgress(RUN, progress(images[0] as PlannedImage, 'done')), 30);
        setTimeout(
          () => void store.saveImageProgress(RUN, progress(images[1] as PlannedImage, 'failed', 'not found')),
          40,
        );
      },
    };
    const given = await queueDispatcher(queue, store, { pollMs: 10 })({
      runId: RUN,
      images: images.map((planned, index) => ({ image: planned, index: index + 3 })),
      cis: true,
      timeoutMs: 60_000,
      onChange: (index, stored) => {
        seen.push(`${index} ${stored.state}${stored.reason ? ` ${stored.reason}` : ''}`);
      },
    });
    expect(given).toEqual(new Map());
    expect(sent).toEqual([
      {
        kind: RUNTIME_IMAGE_SCAN,
        jobs: images.map((planned) => ({
          id: uuidV5(`runtime-image:${RUN}:${planned.digest}`),
          payload: {
            runId: RUN,
            digest: planned.digest,
            references: planned.references,
            names: planned.names,
            pullSecrets: ['ops/regcred'],
            action: 'pull',
            cis: true,
            timeoutMs: 60_000,
          },
        })),
      },
    ]);
    expect(seen).toEqual(['3 analyzing', '3 done', '4 failed not found']);
  });

  it('gives the open images up at once when the scan is stopped', async () => {
    const stop = new AbortController();
    const queue = { enqueueMany: async () => void setTimeout(() => stop.abort(), 20) };
    const given = await queueDispatcher(queue, memoryRuntimeStore(), { pollMs: 1000 })({
      runId: RUN,
      images: [{ image: image(1), index: 0 }],
      cis: false,
      timeoutMs: 60_000,
      signal: stop.signal,
      onChange: () => undefined,
    });
    expect(given).toEqual(new Map([[0, 'stopped before it was scanned']]));
  });

  it('gives them up as failed when nothing moves for the time limit and the margin (no worker)', async () => {
    const given = await queueDispatcher({ enqueueMany: async () => undefined }, memoryRuntimeStore(), {
      pollMs: 5,
      stallMarginMs: 20,
    })({ runId: RUN, images: [{ image: image(1), index: 0 }], cis: false, timeoutMs: 30, onChange: () => undefined });
    expect(given).toEqual(
      new Map([[0, 'no worker finished it: nothing moved for 50ms (is a lucent worker running?)']]),
    );
  });
});
