/**
 * A runtime scan's time limit and stop, in process: the pod's image lives on a "registry" that accepts connections and
 * never answers, so the per-image time limit must end the job; a stopped run ends at once with its images failed as
 * stopped, and the run recorded as ABORTED.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzersByName } from '../src/analyzers/registry.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { connectCluster } from '../src/runtime/inventory/index.ts';
import { type RuntimeScanDeps, runRuntimeScan } from '../src/runtime/runtime-scan.ts';
import { memoryRuntimeStore } from '../src/runtime/store/memory-store.ts';
import { type FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api.ts';
import { namespace, pod } from './support/fake-kube-objects.ts';

let api: FakeKubeApi;
let silent: Server;
const sockets = new Set<Socket>();
let dir: string;
let deps: RuntimeScanDeps;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-run-'));
  // Accepts connections, reads requests, never answers.
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.resume();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(silent.address() as { port: number }).port}`;
  api = await startFakeKubeApi({
    objects: [
      namespace('a'),
      ...['p1', 'p2', 'p3'].map((name, i) =>
        pod({
          namespace: 'a',
          name,
          containers: [{ name: 'c', image: `${host}/app:${i}`, imageID: `${host}/app@sha256:${String(i).repeat(64)}` }],
        }),
      ),
    ],
  });
  const kubeconfig = await api.writeKubeconfig(join(dir, 'config'));
  deps = {
    reader: connectCluster({ kubeconfig, env: {} }).reader,
    store: memoryRuntimeStore(),
    cache: noLayerCache,
    analyzers: analyzersByName(),
    match: () => [],
    advisoryVersion: 'test',
    registry: { env: {}, maxAttempts: 1 },
  };
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await api?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('runtime scan run', () => {
  it('gives up on an image at its time limit and reports the pods it affects', async () => {
    const started = Date.now();
    const outcome = await runRuntimeScan(deps, { namespaces: [], parallelism: 3, timeoutMs: 300, cis: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome.run.status).toBe('DONE');
    expect(outcome.images.map((image) => [image.state, image.reason, image.pods])).toEqual([
      ['failed', 'timed out after 300ms', ['a/p1']],
      ['failed', 'timed out after 300ms', ['a/p2']],
      ['failed', 'timed out after 300ms', ['a/p3']],
    ]);
    expect(outcome.run.summary).toMatchObject({ images: 3, failed: 3, pulled: 0, applications: 0 });
  });

  it('stops: the run is ABORTED, images in progress and queued are failed as stopped', async () => {
    const stop = new AbortController();
    const running = runRuntimeScan(deps, {
      namespaces: ['a'],
      parallelism: 1,
      timeoutMs: 60_000,
      cis: false,
      signal: stop.signal,
      onProgress: (_run, images) => {
        if (images.some((image) => image.state === 'pulling')) stop.abort();
      },
    });
    const outcome = await running;
    expect(outcome.run.status).toBe('ABORTED');
    expect(outcome.images.map((image) => [image.state, image.reason])).toEqual([
      ['failed', 'stopped'],
      ['failed', 'stopped before it was scanned'],
      ['failed', 'stopped before it was scanned'],
    ]);
    expect(await deps.store.latestRun()).toMatchObject({ id: outcome.run.id, status: 'ABORTED' });
  });
});
