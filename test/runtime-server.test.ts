/**
 * The server's runtime API on SQLite: namespaces from the cluster, a scan started, refused while one runs, followed
 * to DONE and its results (KubeClarity's counters, the failures, the applications it created), quick-scan settings,
 * schedules with full CRUD that survive a restart, and `lucent runtime scan --server`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../src/advisories/import.ts';
import { openRegistryImage } from '../src/image/sources/registry/index.ts';
import { buildApp } from '../src/server/app.ts';
import { defaultServerConfig } from '../src/server/config.ts';
import { runCli } from './support/cli.ts';
import { type FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api.ts';
import { namespace, pod, serviceAccount } from './support/fake-kube-objects.ts';
import { pushImage, type RegistryServer, startRegistry } from './support/registry-server.ts';
import { writeDebianAppLayout } from './support/runtime-images.ts';
import { type Harness, startHarness } from './support/server-harness.ts';

const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/DSA-excerpt.txt', import.meta.url)
  .pathname;
const saved = { KUBECONFIG: process.env.KUBECONFIG, LUCENT_CACHE_DIR: process.env.LUCENT_CACHE_DIR };

let dir: string;
let registry: RegistryServer;
let api: FakeKubeApi;
let harness: Harness;
let digest: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-runtime-server-'));
  registry = await startRegistry();
  const layout = join(dir, 'layout');
  await mkdir(layout);
  await pushImage(await writeDebianAppLayout(layout), `${registry.host}/shop/app:1.0`);
  const image = await openRegistryImage(`${registry.host}/shop/app:1.0`, { env: {} });
  digest = image.manifest?.digest ?? '';
  await image.close();
  api = await startFakeKubeApi({
    objects: [
      namespace('shop'),
      namespace('empty'),
      serviceAccount('shop', 'default'),
      pod({
        namespace: 'shop',
        name: 'web-0',
        labels: { app: 'web' },
        containers: [
          { name: 'web', image: `${registry.host}/shop/app:1.0`, imageID: `${registry.host}/shop/app@${digest}` },
        ],
      }),
      pod({
        namespace: 'shop',
        name: 'pending',
        containers: [{ name: 'x', image: `${registry.host}/shop/next:2` }],
      }),
    ],
  });
  process.env.KUBECONFIG = await api.writeKubeconfig(join(dir, 'kubeconfig'));
  process.env.LUCENT_CACHE_DIR = join(dir, 'cache');
  const advisoryDb = join(dir, 'advisories.db');
  await importPaths([tracker], advisoryDb);
  harness = await startHarness('sqlite', { advisoryDb });
});

afterAll(async () => {
  await harness?.close();
  await api?.stop();
  await registry?.stop();
  process.env.KUBECONFIG = saved.KUBECONFIG;
  process.env.LUCENT_CACHE_DIR = saved.LUCENT_CACHE_DIR;
  if (saved.KUBECONFIG === undefined) delete process.env.KUBECONFIG;
  if (saved.LUCENT_CACHE_DIR === undefined) delete process.env.LUCENT_CACHE_DIR;
  await rm(dir, { recursive: true, force: true });
});

async function call(method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const response = await harness.app.inject({
    method,
    url,
    headers: harness.as('writer'),
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : undefined };
}

async function untilDone(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const progress = await call('GET', '/api/runtime/scan/progress');
    if (progress.body.status === 'DONE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the scan did not finish');
}

describe('runtime API', () => {
  it('lists the cluster namespaces', async () => {
    expect(await call('GET', '/api/namespaces')).toEqual({ status: 200, body: [{ name: 'empty' }, { name: 'shop' }] });
  });

  it('has not scanned yet, and takes quick-scan settings', async () => {
    expect((await call('GET', '/api/runtime/scan/progress')).body).toEqual({
      status: 'NOT_STARTED',
      scanned: 0,
      scannedNamespaces: [],
    });
    expect((await call('GET', '/api/runtime/quickscan/config')).body).toEqual({
      cisDockerBenchmarkScanEnabled: false,
      maxScanParallelism: 10,
    });
    const config = { cisDockerBenchmarkScanEnabled: true, maxScanParallelism: 2 };
    expect((await call('PUT', '/api/runtime/quickscan/config', config)).status).toBe(201);
    expect((await call('GET', '/api/runtime/quickscan/config')).body).toEqual(config);
  });

  it('runs one scan at a time, and serves its results', async () => {
    expect((await call('PUT', '/api/runtime/scan/start', { namespaces: ['shop'] })).status).toBe(201);
    const again = await call('PUT', '/api/runtime/scan/start', { namespaces: [] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('E_SCAN_IN_PROGRESS');
    await untilDone();
    const progress = await call('GET', '/api/runtime/scan/progress');
    expect(progress.body).toMatchObject({
      status: 'DONE',
      scanned: 100,
      scannedNamespaces: ['shop'],
      scanType: 'QUICK',
    });
    const results = await call('GET', '/api/runtime/scan/results?vulnerabilitySeverity[gte]=HIGH');
    expect(results.status).toBe(200);
    expect(results.body.counters).toEqual({ applications: 1, resources: 1, packages: 4, vulnerabilities: 0 });
    expect(results.body.vulnerabilityPerSeverity).toEqual([
      { severity: 'CRITICAL', count: 0 },
      { severity: 'HIGH', count: 0 },
    ]);
    expect(results.body.cisDockerBenchmarkCountPerLevel).toEqual([
      { level: 'FATAL', count: 0 },
      { level: 'WARN', count: 1 },
      { level: 'INFO', count: 3 },
    ]);
    expect(results.body.failures).toEqual([
      {
        message: `Failed to scan image "${registry.host}/shop/next:2". Affected pods: shop/pending. Reasons: the container has not started, so its image digest is not known yet.`,
      },
    ]);
    const apps = await call('GET', '/api/applications?sortKey=applicationName');
    expect(
      apps.body.items.map((app: Record<string, unknown>) => [
        app.applicationName,
        app.applicationType,
        app.environments,
        app.labels,
      ]),
    ).toEqual([['web', 'POD', ['shop'], ['app=web']]]);
    const resources = await call('GET', '/api/applicationResources?sortKey=resourceName');
    expect(
      resources.body.items.map((r: Record<string, unknown>) => [r.resourceName, r.resourceHash, r.resourceType]),
    ).toEqual([[`${registry.host}/shop/app:1.0`, digest, 'IMAGE']]);
    const cis = await call('GET', `/api/cisdockerbenchmarkresults/${resources.body.items[0].id}?sortKey=code`);
    expect(cis.body.items.map((check: { code: string; level: string }) => `${check.code} ${check.level}`)).toEqual([
      'CIS-DI-0001 WARN',
      'CIS-DI-0006 INFO',
      'CIS-DI-0008 INFO',
      'LCT-DI-0001 INFO',
    ]);
  });

  it('refuses writes without a token', async () => {
    const response = await harness.app.inject({ method: 'PUT', url: '/api/runtime/scan/start', payload: {} });
    expect(response.statusCode).toBe(401);
  });
});

describe('runtime schedules', () => {
  it('creates, lists, edits, disables and deletes schedules', async () => {
    const created = await call('POST', '/api/runtime/schedules', {
      name: 'nightly',
      spec: { kind: 'days', every: 1, at: '02:30' },
      timeZone: 'Europe/Berlin',
      namespaces: ['shop'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'nightly', enabled: true, namespaces: ['shop'], cis: false });
    expect(Date.parse(created.body.nextRunAt)).toBeGreaterThan(Date.now());
    const id = created.body.id;
    const weekly = await call('POST', '/api/runtime/schedules', {
      name: 'weekly',
      spec: { kind: 'weekly', day: 'monday', at: '06:00' },
    });
    expect((await call('GET', '/api/runtime/schedules')).body.map((s: { name: string }) => s.name)).toEqual([
      'nightly',
      'weekly',
    ]);
    const disabled = await call('PATCH', `/api/runtime/schedules/${id}`, { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false });
    expect(disabled.body.nextRunAt).toBeUndefined();
    const replaced = await call('PUT', `/api/runtime/schedules/${id}`, {
      name: 'hourly',
      spec: { kind: 'cron', expression: '0 * * * *' },
      timeZone: 'UTC',
    });
    expect(replaced.body).toMatchObject({ name: 'hourly', enabled: true, namespaces: [], spec: { kind: 'cron' } });
    expect(new Date(replaced.body.nextRunAt).getUTCMinutes()).toBe(0);
    const invalid = await call('POST', '/api/runtime/schedules', { name: 'x', spec: { kind: 'hours', every: 0 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toBe('invalid schedule: spec.every: Too small: expected number to be >=1');
    expect((await call('DELETE', `/api/runtime/schedules/${weekly.body.id}`)).status).toBe(204);
    expect((await call('GET', `/api/runtime/schedules/${weekly.body.id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/runtime/schedules/${weekly.body.id}`)).status).toBe(404);
  });

  it('keeps schedules across a restart of the server', async () => {
    const before = (await call('GET', '/api/runtime/schedules')).body;
    const app = await buildApp(
      { ...defaultServerConfig({}), databaseUrl: harness.databaseUrl, logLevel: 'silent' },
      { store: harness.store },
    );
    try {
      const response = await app.inject({ url: '/api/runtime/schedules', headers: harness.as('viewer') });
      expect(response.json()).toEqual(before);
      expect(before.map((s: { name: string }) => s.name)).toEqual(['hourly']);
    } finally {
      await app.close();
    }
  });
});

describe('lucent runtime scan --server', () => {
  it('starts the scan in the server and prints its summary', async () => {
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
    const address = harness.app.server.address() as { port: number };
    const result = await runCli(
      ['runtime', 'scan', '--server', `http://127.0.0.1:${address.port}`, '--namespace', 'shop'],
      { LUCENT_TOKEN: harness.tokens.writer },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 6)).toEqual([
      'Pods: 2 (0 skipped), containers: 2',
      'Images: 1 unique (0 pulled, 0 re-matched, 1 up to date, 1 failed)',
      'Applications: 1',
      'Packages: 4',
      'Vulnerabilities: 0 (CRITICAL 0, HIGH 0, MEDIUM 0, LOW 0, NEGLIGIBLE 0, UNKNOWN 0)',
    ]);
  });
});
