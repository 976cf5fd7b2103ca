/**
 * The runtime acceptance scenario, run the way users run it: one long-lived `lucent server` (SQLite store), scans
 * started through `PUT /api/runtime/scan/start` and followed through the API. The cluster is the test Kubernetes API
 * server (HTTPS, real client-node): 3 namespaces, 40 pods, 12 unique image digests. Some digests are shared across
 * namespaces; one image (the Debian 12 tools image) is private, in a second registry behind htpasswd, pulled with a
 * pull secret (named by some pods, and by the service account of others); one digest is missing from the registry.
 * The images are real: Debian 12 minbase and tools built with mmdebstrap, and fixture images (Alpine, BusyBox, npm,
 * pnpm, a 14-layer image, ...), so the first scan does real work: pull, analysis, matching, storage.
 *
 * - The first scan plans 12 images: 11 are stored as resources, and the missing one is the failure listed, with the
 *   pods it affects; the applications are the ten the pods' labels and workloads make.
 * - The second scan pulls no layer (both registries' request logs) and takes at most 10% of the first one's time.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryImage } from '../src/image/sources/registry/index.ts';
import { runCli } from './support/cli.ts';
import { ensureDebianImages } from './support/debian-images.ts';
import { type FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api.ts';
import { dockerConfigSecret, namespace, pod, serviceAccount, workload } from './support/fake-kube-objects.ts';
import { fixtureImage } from './support/fixtures.ts';
import { type ServerProcess, startServerProcess } from './support/lucent-process.ts';
import {
  type FaultProxy,
  pushImage,
  type RegistryServer,
  startFaultProxy,
  startRegistry,
} from './support/registry-server.ts';
import { writeDebianAppLayout } from './support/runtime-images.ts';

const USER = 'lucent';
const PASSWORD = 's3cret-pass';
const TOKEN = 'lcn_runtime-scenario-admin-token-0123456789';
const MISSING = `sha256:${'0'.repeat(64)}`;
const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url).pathname;

/** The images: where each comes from, and the repository it is pushed to. */
const SOURCES = {
  app: { repo: 'public/app:1.0' },
  busybox: {
    repo: 'public/busybox:1.31',
    src: `oci-archive:${fixtureImage('snyk-docker-plugin/oci-archives_busybox-1.31.1.tar')}`,
  },
  cart: { repo: 'public/cart:7', gz: 'snyk-docker-plugin/npm_npm7-with-package-lock-file.tar' },
  ui: { repo: 'public/ui:9', src: `oci-archive:${fixtureImage('snyk-docker-plugin/pnpm_pnpmlockv9.tar')}` },
  cache: { repo: 'public/cache:3.10', gz: 'trivy/alpine-310.tar.gz' },
  backup: { repo: 'public/backup:3.11', gz: 'trivy/alpine-311.tar.gz' },
  agent: {
    repo: 'public/agent:1',
    src: `docker-archive:${fixtureImage('snyk-docker-plugin/containerd-archives_alpine.tar')}`,
  },
  legacy: { repo: 'public/legacy:2', src: `docker-archive:${fixtureImage('dive/dive-test-docker-image.tar')}` },
  hello: { repo: 'public/hello:25', src: `docker-archive:${fixtureImage('go-containerregistry/hello-world-v25.tar')}` },
  db: { repo: 'public/debian:12' },
  toolbox: { repo: 'private/toolbox:12' },
} as const;
type ImageName = keyof typeof SOURCES;

let dir: string;
let publicRegistry: RegistryServer;
let privateRegistry: RegistryServer;
let publicProxy: FaultProxy;
let privateProxy: FaultProxy;
let api: FakeKubeApi;
let server: ServerProcess;
/** Per image: its manifest digest and its layers' digests. */
const images = {} as Record<ImageName, { digest: string; layers: string[]; reference: string }>;

async function gunzipTo(source: string, target: string): Promise<string> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
  return target;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-runtime-scenario-'));
  publicRegistry = await startRegistry();
  privateRegistry = await startRegistry({ auth: 'htpasswd' });
  publicProxy = await startFaultProxy(publicRegistry.host, []);
  privateProxy = await startFaultProxy(privateRegistry.host, []);
  const debian = await ensureDebianImages();
  const appLayout = join(dir, 'app-layout');
  await mkdir(appLayout);
  const sources: Record<ImageName, string> = {
    app: await writeDebianAppLayout(appLayout),
    db: debian.minbase.ociRef,
    toolbox: debian.tools.ociRef,
  } as Record<ImageName, string>;
  for (const [name, source] of Object.entries(SOURCES) as [ImageName, (typeof SOURCES)[ImageName]][]) {
    if ('src' in source) sources[name] = source.src;
    if ('gz' in source)
      sources[name] = `docker-archive:${await gunzipTo(fixtureImage(source.gz), join(dir, `${name}.tar`))}`;
  }
  for (const name of Object.keys(SOURCES) as ImageName[]) {
    const isPrivate = name === 'toolbox';
    const registry = isPrivate ? privateRegistry : publicRegistry;
    const proxy = isPrivate ? privateProxy : publicProxy;
    const creds = isPrivate ? { creds: `${USER}:${PASSWORD}` } : {};
    await pushImage(sources[name], `${registry.host}/${SOURCES[name].repo}`, creds);
    const image = await openRegistryImage(`${registry.host}/${SOURCES[name].repo}`, {
      ...(isPrivate ? { username: USER, password: PASSWORD } : {}),
      env: {},
    });
    const digest = image.manifest?.digest ?? '';
    images[name] = {
      digest,
      layers: image.layers.map((layer) => layer.digest),
      reference: `${proxy.host}/${SOURCES[name].repo}`,
    };
    await image.close();
  }

  const advisoryDb = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map((name) => gunzipTo(join(tracker, `${name}.gz`), join(dir, name))),
  );
  expect((await runCli(['db', 'import', ...lists, '--db', advisoryDb])).code).toBe(0);

  api = await startFakeKubeApi({ objects: clusterObjects() });
  const kubeconfig = await api.writeKubeconfig(join(dir, 'kubeconfig'));
  server = await startServerProcess({
    databaseUrl: `sqlite:${join(dir, 'lucent.db')}`,
    advisoryDb,
    token: TOKEN,
    env: {
      HOME: dir,
      KUBECONFIG: kubeconfig,
      LUCENT_CACHE_DIR: join(dir, 'cache'),
      LUCENT_DATABASE_URL: '',
    },
  });
});

afterAll(async () => {
  await server?.process.kill('SIGTERM');
  await api?.stop();
  await publicProxy?.stop();
  await privateProxy?.stop();
  await publicRegistry?.stop();
  await privateRegistry?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The cluster: 3 namespaces, 40 pods, 12 unique digests (one missing from the registry). */
function clusterObjects() {
  const ref = (name: ImageName) => images[name].reference;
  const id = (name: ImageName) => `${ref(name).replace(/:[^:/]+$/, '')}@${images[name].digest}`;
  const container = (name: string, image: ImageName) => ({ name, image: ref(image), imageID: id(image) });
  const ghost = `${publicProxy.host}/public/ghost@${MISSING}`;
  const times = (count: number, make: (n: number) => ReturnType<typeof pod>) =>
    Array.from({ length: count }, (_, n) => make(n));
  const regcred = dockerConfigSecret('ops', 'regcred', { [privateProxy.host]: { username: USER, password: PASSWORD } });
  return [
    ...['shop', 'data', 'ops'].map(namespace),
    regcred,
    ...['shop', 'data', 'ops'].map((ns) => serviceAccount(ns, 'default')),
    serviceAccount('ops', 'toolbox-sa', ['regcred']),
    // shop: 13 pods.
    workload('Deployment', 'shop', 'web'),
    workload('ReplicaSet', 'shop', 'web-6d4f', { kind: 'Deployment', name: 'web' }),
    ...times(6, (n) =>
      pod({
        namespace: 'shop',
        name: `web-6d4f-${n}`,
        labels: { app: 'web', version: 'v2' },
        owner: { kind: 'ReplicaSet', name: 'web-6d4f' },
        containers: [container('web', 'app'), container('log-shipper', 'busybox')],
      }),
    ),
    workload('Deployment', 'shop', 'cart'),
    workload('ReplicaSet', 'shop', 'cart-55c', { kind: 'Deployment', name: 'cart' }),
    ...times(4, (n) =>
      pod({
        namespace: 'shop',
        name: `cart-55c-${n}`,
        labels: { app: 'cart' },
        owner: { kind: 'ReplicaSet', name: 'cart-55c' },
        containers: [container('cart', 'cart')],
      }),
    ),
    workload('Deployment', 'shop', 'ui'),
    workload('ReplicaSet', 'shop', 'ui-7b9', { kind: 'Deployment', name: 'ui' }),
    ...times(3, (n) =>
      pod({
        namespace: 'shop',
        name: `ui-7b9-${n}`,
        labels: { 'app.kubernetes.io/name': 'ui' },
        owner: { kind: 'ReplicaSet', name: 'ui-7b9' },
        containers: [container('ui', 'ui')],
      }),
    ),
    // data: 11 pods; the web application and BusyBox are shared with shop.
    workload('Deployment', 'data', 'web'),
    workload('ReplicaSet', 'data', 'web-58d', { kind: 'Deployment', name: 'web' }),
    ...times(2, (n) =>
      pod({
        namespace: 'data',
        name: `web-58d-${n}`,
        labels: { app: 'web', version: 'v2' },
        owner: { kind: 'ReplicaSet', name: 'web-58d' },
        containers: [container('web', 'app'), container('log-shipper', 'busybox')],
      }),
    ),
    workload('StatefulSet', 'data', 'db'),
    ...times(3, (n) =>
      pod({
        namespace: 'data',
        name: `db-${n}`,
        labels: { 'k8s-app': 'db' },
        owner: { kind: 'StatefulSet', name: 'db' },
        containers: [container('postgres', 'db')],
      }),
    ),
    workload('Deployment', 'data', 'cache'),
    workload('ReplicaSet', 'data', 'cache-8f7', { kind: 'Deployment', name: 'cache' }),
    ...times(4, (n) =>
      pod({
        namespace: 'data',
        name: `cache-8f7-${n}`,
        labels: { name: 'cache' },
        owner: { kind: 'ReplicaSet', name: 'cache-8f7' },
        initContainers: [container('wait', 'busybox')],
        containers: [container('cache', 'cache')],
      }),
    ),
    workload('CronJob', 'data', 'backup'),
    ...times(2, (n) => workload('Job', 'data', `backup-2900${n}`, { kind: 'CronJob', name: 'backup' })),
    ...times(2, (n) =>
      pod({
        namespace: 'data',
        name: `backup-2900${n}-x`,
        owner: { kind: 'Job', name: `backup-2900${n}` },
        containers: [container('backup', 'backup')],
      }),
    ),
    // ops: 16 pods; the private image (pull secret named by the pods, or by their service account) and the missing one.
    workload('Deployment', 'ops', 'toolbox'),
    workload('ReplicaSet', 'ops', 'toolbox-5c', { kind: 'Deployment', name: 'toolbox' }),
    ...times(3, (n) =>
      pod({
        namespace: 'ops',
        name: `toolbox-5c-${n}`,
        labels: { app: 'toolbox' },
        owner: { kind: 'ReplicaSet', name: 'toolbox-5c' },
        imagePullSecrets: ['regcred'],
        containers: [container('shell', 'toolbox')],
      }),
    ),
    workload('StatefulSet', 'ops', 'toolbox-debug'),
    ...times(2, (n) =>
      pod({
        namespace: 'ops',
        name: `toolbox-debug-${n}`,
        labels: { app: 'toolbox' },
        owner: { kind: 'StatefulSet', name: 'toolbox-debug' },
        serviceAccountName: 'toolbox-sa',
        containers: [container('shell', 'toolbox')],
      }),
    ),
    workload('DaemonSet', 'ops', 'node-agent'),
    ...times(4, (n) =>
      pod({
        namespace: 'ops',
        name: `node-agent-${n}`,
        owner: { kind: 'DaemonSet', name: 'node-agent' },
        containers: [container('agent', 'agent')],
      }),
    ),
    workload('Deployment', 'ops', 'legacy'),
    workload('ReplicaSet', 'ops', 'legacy-9a', { kind: 'Deployment', name: 'legacy' }),
    ...times(3, (n) =>
      pod({
        namespace: 'ops',
        name: `legacy-9a-${n}`,
        labels: { app: 'legacy' },
        owner: { kind: 'ReplicaSet', name: 'legacy-9a' },
        containers: [container('legacy', 'legacy')],
      }),
    ),
    ...times(2, (n) =>
      pod({
        namespace: 'ops',
        name: `hello-${n}`,
        labels: { app: 'hello' },
        containers: [container('hello', 'hello')],
      }),
    ),
    workload('Deployment', 'ops', 'ghost'),
    workload('ReplicaSet', 'ops', 'ghost-1', { kind: 'Deployment', name: 'ghost' }),
    ...times(2, (n) =>
      pod({
        namespace: 'ops',
        name: `ghost-1-${n}`,
        labels: { app: 'ghost' },
        owner: { kind: 'ReplicaSet', name: 'ghost-1' },
        containers: [{ name: 'ghost', image: ghost, imageID: ghost }],
      }),
    ),
  ];
}

type Progress = { status: string; scanned: number };
type Results = {
  counters: Record<string, number>;
  failures: { message: string }[];
  run: { id: string; status: string; startedAt: string; finishedAt: string; summary: Record<string, unknown> };
  images: { name: string; digest: string; state: string; pods: string[] }[];
};

/** Starts a scan of every namespace through the API and polls its progress until DONE; returns the wall time. */
async function scanThroughApi(): Promise<{ ms: number; results: Results }> {
  const started = performance.now();
  const start = await server.api('PUT', '/api/runtime/scan/start', { namespaces: [] });
  expect(start.status).toBe(201);
  for (;;) {
    const progress = (await server.api('GET', '/api/runtime/scan/progress')).json as Progress;
    if (progress.status === 'DONE') break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ms = performance.now() - started;
  const results = (await server.api('GET', '/api/runtime/scan/results')).json as Results;
  return { ms, results };
}

/** Layer blobs fetched (200) from both registries since the given request counts. */
function layerFetches(since: { public: number; private: number }): string[] {
  const layers = new Set(Object.values(images).flatMap((image) => image.layers));
  return [...publicProxy.requests.slice(since.public), ...privateProxy.requests.slice(since.private)]
    .filter((request) => request.method === 'GET' && request.status === 200 && request.path.includes('/blobs/'))
    .map((request) => request.path.split('/blobs/')[1] ?? '')
    .filter((digest) => layers.has(digest));
}

const marks = () => ({ public: publicProxy.requests.length, private: privateProxy.requests.length });

describe('runtime scan scenario: 3 namespaces, 40 pods, 12 digests', () => {
  let first: { ms: number; results: Results };

  it('has 11 distinct images in the registries, the private one refused without credentials', async () => {
    expect(new Set(Object.values(images).map((image) => image.digest)).size).toBe(11);
    await expect(
      openRegistryImage(`${privateRegistry.host}/${SOURCES.toolbox.repo}`, { env: {} }),
    ).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
    });
  });

  it('first scan: 12 images planned, 11 stored as resources, the missing one listed with its pods', async () => {
    const before = marks();
    first = await scanThroughApi();
    const { results } = first;
    expect(results.run.status).toBe('DONE');
    expect(results.run.summary).toMatchObject({
      pods: 40,
      skippedPods: 0,
      containers: 52,
      images: 12,
      pulled: 11,
      rematched: 0,
      current: 0,
      failed: 1,
      applications: 10,
    });
    expect(results.counters).toMatchObject({ applications: 10, resources: 11 });
    const failure = `Failed to scan image "${publicProxy.host}/public/ghost@${MISSING}". Affected pods: ops/ghost-1-0, ops/ghost-1-1. Reasons: `;
    expect(results.failures).toHaveLength(1);
    expect(results.failures[0]?.message.startsWith(failure)).toBe(true);
    expect(results.images.map((image) => [image.name, image.state])).toEqual(
      [
        ...(Object.keys(SOURCES) as ImageName[]).map((name) => [images[name].reference, 'done']),
        [`${publicProxy.host}/public/ghost@${MISSING}`, 'failed'],
      ].sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1)),
    );
    // Every layer of every image was pulled (a layer shared by two images may be read once for both).
    expect(new Set(layerFetches(before))).toEqual(new Set(Object.values(images).flatMap((image) => image.layers)));
  });

  it('stores exactly the 11 resources, with source RUNTIME, and the ten applications', async () => {
    const resources = (await server.api('GET', '/api/applicationResources?pageSize=50&sortKey=resourceName')).json as {
      total: number;
      items: { resourceName: string; resourceHash: string; resourceType: string; applications: number }[];
    };
    expect(resources.total).toBe(11);
    const appsOf: Record<ImageName, number> = {
      app: 1,
      busybox: 2,
      cart: 1,
      ui: 1,
      cache: 1,
      backup: 1,
      agent: 1,
      legacy: 1,
      hello: 1,
      db: 1,
      toolbox: 1,
    };
    expect(resources.items.map((r) => [r.resourceName, r.resourceHash, r.resourceType, r.applications])).toEqual(
      (Object.keys(SOURCES) as ImageName[])
        .map((name) => [images[name].reference, images[name].digest, 'IMAGE', appsOf[name]])
        .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    );
    const apps = (await server.api('GET', '/api/applications?pageSize=50&sortKey=applicationName')).json as {
      items: {
        applicationName: string;
        applicationType: string;
        environments: string[];
        labels: string[];
        applicationResources: number;
      }[];
    };
    expect(
      apps.items.map((a) => [a.applicationName, a.applicationType, a.environments, a.labels, a.applicationResources]),
    ).toEqual([
      ['backup', 'POD', ['data'], [], 1],
      ['cache', 'POD', ['data'], ['name=cache'], 2],
      ['cart', 'POD', ['shop'], ['app=cart'], 1],
      ['db', 'POD', ['data'], ['k8s-app=db'], 1],
      ['hello', 'POD', ['ops'], ['app=hello'], 1],
      ['legacy', 'POD', ['ops'], ['app=legacy'], 1],
      ['node-agent', 'POD', ['ops'], [], 1],
      ['toolbox', 'POD', ['ops'], ['app=toolbox'], 1],
      ['ui', 'POD', ['shop'], ['app.kubernetes.io/name=ui'], 1],
      ['web.v2', 'POD', ['data', 'shop'], ['app=web', 'version=v2'], 2],
    ]);
  });

  it('second scan: no layer pulled, at most 10% of the first scan’s time', async () => {
    const before = marks();
    const second = await scanThroughApi();
    expect(second.results.run.summary).toMatchObject({
      pods: 40,
      images: 12,
      pulled: 0,
      rematched: 0,
      current: 11,
      failed: 1,
      applications: 10,
    });
    expect(second.results.counters).toMatchObject({ applications: 10, resources: 11 });
    expect(second.results.failures).toHaveLength(1);
    expect(layerFetches(before)).toEqual([]);
    // The registries saw only the missing image's manifest being asked for: nothing of the stored images.
    const paths = [...publicProxy.requests.slice(before.public), ...privateProxy.requests.slice(before.private)].map(
      (request) => `${request.method} ${request.path}`,
    );
    expect(paths.filter((path) => !path.includes('/public/ghost/manifests/') && path !== 'GET /v2/')).toEqual([]);
    const inServer = (results: Results) => Date.parse(results.run.finishedAt) - Date.parse(results.run.startedAt);
    process.stdout.write(
      `runtime scenario: first scan ${Math.round(first.ms)} ms (in the server ${inServer(first.results)} ms), ` +
        `second ${Math.round(second.ms)} ms (in the server ${inServer(second.results)} ms), ` +
        `ratio ${((second.ms / first.ms) * 100).toFixed(1)}%\n`,
    );
    expect(second.ms).toBeLessThanOrEqual(first.ms * 0.1);
  });
});
