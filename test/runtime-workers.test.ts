/**
 * Runtime scans scaled out on PostgreSQL: `lucent server --workers 0` plans the scan and enqueues one
 * `runtime-image-scan` job per unique digest on the pg-boss queue; two `lucent worker` processes (each with its own
 * layer cache and its own cluster credentials, allowed only to get secrets) share the jobs. The job payloads name the
 * pull secrets but hold no credentials: the workers read the secrets from the cluster. The worker running the largest
 * image (the Debian 12 tools image, private, behind htpasswd) is killed with SIGKILL in the middle of it; its lease
 * runs out, the other worker takes the job over, and the scan completes with every image stored.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryImage } from '../src/image/sources/registry/index.ts';
import { uuidV5 } from '../src/server/store/ids.ts';
import { runCli } from './support/cli.ts';
import { ensureDebianImages } from './support/debian-images.ts';
import { type FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api.ts';
import { dockerConfigSecret, namespace, pod, serviceAccount } from './support/fake-kube-objects.ts';
import { fixtureImage } from './support/fixtures.ts';
import {
  type LucentProcess,
  type ServerProcess,
  startLucent,
  startServerProcess,
  waitFor,
} from './support/lucent-process.ts';
import { freshQueueDatabase } from './support/queue-database.ts';
import { pushImage, type RegistryServer, startRegistry } from './support/registry-server.ts';
import { writeDebianAppLayout } from './support/runtime-images.ts';
import { POSTGRES_URL } from './support/server-harness.ts';

const USER = 'lucent';
const PASSWORD = 's3cret-pass';
const TOKEN = 'lcn_runtime-workers-admin-token-0123456789';
const WORKER_TOKEN = 'lucent-worker-token-0123456789';
const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url).pathname;

let dir: string;
let database: { url: string; drop: () => Promise<void> };
let publicRegistry: RegistryServer;
let privateRegistry: RegistryServer;
let api: FakeKubeApi;
let server: ServerProcess;
let workers: LucentProcess[] = [];
let advisoryDb: string;
let workerKubeconfig: string;
/** Manifest digest per image name. */
const digests: Record<string, string> = {};
const references: Record<string, string> = {};

async function push(source: string, host: string, repo: string, creds?: string): Promise<void> {
  await pushImage(source, `${host}/${repo}`, creds ? { creds } : {});
  const image = await openRegistryImage(`${host}/${repo}`, {
    ...(creds ? { username: USER, password: PASSWORD } : {}),
    env: {},
  });
  digests[repo] = image.manifest?.digest ?? '';
  references[repo] = `${host}/${repo}`;
  await image.close();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-runtime-workers-'));
  database = await freshQueueDatabase('postgres');
  publicRegistry = await startRegistry();
  privateRegistry = await startRegistry({ auth: 'htpasswd' });
  const debian = await ensureDebianImages();
  const layout = join(dir, 'app');
  await mkdir(layout);
  const alpine = join(dir, 'alpine-310.tar');
  await pipeline(createReadStream(fixtureImage('trivy/alpine-310.tar.gz')), createGunzip(), createWriteStream(alpine));
  await push(debian.tools.ociRef, privateRegistry.host, 'private/toolbox:12', `${USER}:${PASSWORD}`);
  await push(debian.minbase.ociRef, publicRegistry.host, 'public/debian:12');
  await push(await writeDebianAppLayout(layout), publicRegistry.host, 'public/app:1.0');
  await push(`docker-archive:${alpine}`, publicRegistry.host, 'public/cache:3.10');
  await push(
    `oci-archive:${fixtureImage('snyk-docker-plugin/oci-archives_busybox-1.31.1.tar')}`,
    publicRegistry.host,
    'public/busybox:1.31',
  );

  advisoryDb = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(tracker, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  expect((await runCli(['db', 'import', ...lists, '--db', advisoryDb])).code).toBe(0);

  const container = (name: string, repo: string) => ({
    name,
    image: references[repo] ?? '',
    imageID: `${(references[repo] ?? '').replace(/:[^:/]+$/, '')}@${digests[repo]}`,
  });
  api = await startFakeKubeApi({
    users: {
      'lucent-server-token-0123456789': { name: 'system:serviceaccount:lucent:lucent' },
      // The workers may only get secrets: everything else they need comes with their jobs.
      [WORKER_TOKEN]: {
        name: 'system:serviceaccount:lucent:lucent-worker',
        clusterRules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
      },
    },
    objects: [
      namespace('shop'),
      namespace('ops'),
      serviceAccount('shop', 'default'),
      serviceAccount('ops', 'default'),
      dockerConfigSecret('ops', 'regcred', { [privateRegistry.host]: { username: USER, password: PASSWORD } }),
      pod({
        namespace: 'ops',
        name: 'toolbox-0',
        labels: { app: 'toolbox' },
        imagePullSecrets: ['regcred'],
        containers: [container('shell', 'private/toolbox:12')],
      }),
      pod({ namespace: 'ops', name: 'db-0', labels: { app: 'db' }, containers: [container('db', 'public/debian:12')] }),
      pod({
        namespace: 'shop',
        name: 'web-0',
        labels: { app: 'web' },
        initContainers: [container('wait', 'public/busybox:1.31')],
        containers: [container('web', 'public/app:1.0'), container('cache', 'public/cache:3.10')],
      }),
    ],
  });
  const serverKubeconfig = await api.writeKubeconfig(join(dir, 'server-kubeconfig'));
  workerKubeconfig = await api.writeKubeconfig(join(dir, 'worker-kubeconfig'), [
    { name: 'worker', token: WORKER_TOKEN },
  ]);
  server = await startServerProcess({
    databaseUrl: database.url,
    advisoryDb,
    token: TOKEN,
    args: ['--workers', '0'],
    env: { HOME: dir, KUBECONFIG: serverKubeconfig, LUCENT_CACHE_DIR: join(dir, 'server-cache') },
  });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill('SIGTERM')));
  await server?.process.kill('SIGTERM');
  await api?.stop();
  await publicRegistry?.stop();
  await privateRegistry?.stop();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function startWorker(name: string): LucentProcess {
  return startLucent(
    ['worker', '--database-url', database.url, '--advisory-db', advisoryDb, '--concurrency', '1', '--grace', '1s'],
    { HOME: dir, KUBECONFIG: workerKubeconfig, LUCENT_CACHE_DIR: join(dir, `cache-${name}`), LUCENT_DATABASE_URL: '' },
  );
}

const isJob = (message: string, jobId?: string) => (line: Record<string, unknown>) =>
  line.msg === message && line.kind === 'runtime-image-scan' && (jobId === undefined || line.jobId === jobId);

type Results = {
  counters: Record<string, number>;
  failures: { message: string }[];
  run: { id: string; status: string; summary?: Record<string, unknown> };
  images: { name: string; digest: string; state: string }[];
};

describe('runtime scan on two lucent workers (PostgreSQL)', () => {
  it('shares the image jobs, and finishes the job of a worker killed in the middle of it', async () => {
    workers = [startWorker('a'), startWorker('b')];
    await Promise.all(
      workers.map((worker) =>
        waitFor(() => /Lucent worker running/.test(worker.output()) || undefined, worker, 60_000),
      ),
    );
    expect((await server.api('PUT', '/api/runtime/scan/start', { namespaces: [] })).status).toBe(201);
    const runId = ((await server.api('GET', '/api/runtime/scan/results')).json as Results).run.id;
    const toolsJob = uuidV5(`runtime-image:${runId}:${digests['private/toolbox:12']}`);

    // The worker that took the private Debian 12 tools image is killed while it works on it.
    const holder = await Promise.any(
      workers.map(async (worker) => {
        await worker.waitForLog(isJob('job started', toolsJob), 120_000);
        return worker;
      }),
    );
    const survivor = workers.find((worker) => worker !== holder) as LucentProcess;
    expect(await holder.kill('SIGKILL')).toBe('SIGKILL');
    expect(holder.logs().some(isJob('job completed', toolsJob))).toBe(false);

    await survivor.waitForLog(isJob('job completed', toolsJob), 240_000);
    const results = await waitFor(
      async () => {
        const body = (await server.api('GET', '/api/runtime/scan/results')).json as Results;
        return body.run.status === 'DONE' ? body : undefined;
      },
      server.process,
      120_000,
    );
    expect(results.failures).toEqual([]);
    expect(results.run.summary).toMatchObject({ pods: 3, images: 5, pulled: 5, failed: 0, applications: 3 });
    expect(results.counters).toMatchObject({ applications: 3, resources: 5 });
    expect(results.images.map((image) => [image.name, image.state]).sort()).toEqual(
      Object.values(references)
        .map((reference) => [reference, 'done'])
        .sort(),
    );
    // Both workers ran jobs of the scan; the killed one's job ran again on the other.
    for (const worker of workers) expect(worker.logs().filter(isJob('job started')).length).toBeGreaterThan(0);
    expect(survivor.logs().filter(isJob('job started', toolsJob))).toHaveLength(1);

    const resources = (await server.api('GET', '/api/applicationResources?pageSize=20')).json as {
      items: { resourceHash: string; packages: number }[];
    };
    expect(resources.items.map((item) => item.resourceHash).sort()).toEqual(Object.values(digests).sort());
    // Analyzed for real: every image has packages, but BusyBox, which has no package database.
    const empty = resources.items.filter((item) => item.packages === 0).map((item) => item.resourceHash);
    expect(empty).toEqual([digests['public/busybox:1.31']]);
  });

  it('put no credentials in the jobs: the workers read the pull secret from the cluster themselves', async () => {
    const schema = `${new URL(database.url).searchParams.get('schema')}_pgboss`;
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`select data from "${schema}".job where name = 'runtime-image-scan'`);
      expect(rows).toHaveLength(5);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
      const tools = rows.find((row) => row.data.payload.digest === digests['private/toolbox:12']);
      expect(tools?.data.payload.pullSecrets).toEqual(['ops/regcred']);
    } finally {
      await client.end();
    }
    const secretReads = api.requests.filter((request) => request.path === '/api/v1/namespaces/ops/secrets/regcred');
    expect(secretReads.map((request) => [request.user, request.status])).toContainEqual([
      'system:serviceaccount:lucent:lucent-worker',
      200,
    ]);
  });
});
