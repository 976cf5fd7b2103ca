/**
 * `lucent runtime scan` end to end: the test Kubernetes API server (HTTPS, real client-node) lists pods whose images
 * live in a real registry behind htpasswd, reached through a logging proxy; pull secrets carry the credentials. Two
 * images, seven pods: one opted out by label, one image only in an init container, one digest shared by pods of two
 * namespaces, one image missing from the registry, one node-local image ID resolved through the registry and one
 * whose tag has moved on. The first scan fetches each layer exactly once; the second fetches no layer and matches
 * nothing; after an advisory import, the stored SBOMs are matched again, still without a layer fetched.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryImage } from '../src/image/sources/registry/index.ts';
import { runCli } from './support/cli.ts';
import { type FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api.ts';
import { dockerConfigSecret, namespace, pod, serviceAccount, workload } from './support/fake-kube-objects.ts';
import { fixtureImage } from './support/fixtures.ts';
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
const MISSING = `sha256:${'0'.repeat(64)}`;
const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url).pathname;

let dir: string;
let registry: RegistryServer;
let proxy: FaultProxy;
let api: FakeKubeApi;
let kubeconfig: string;
let db: string;
const digests: { app: string; tools: string; appBlobs: string[]; toolsBlobs: string[] } = {
  app: '',
  tools: '',
  appBlobs: [],
  toolsBlobs: [],
};

/** The blobs (config and layers) of an image, as the registry serves them. */
async function blobsOf(reference: string): Promise<{ digest: string; blobs: string[] }> {
  const image = await openRegistryImage(reference, { username: USER, password: PASSWORD, env: {} });
  try {
    return {
      digest: image.manifest?.digest ?? '',
      blobs: [image.configDigest ?? '', ...image.layers.map((l) => l.digest)],
    };
  } finally {
    await image.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-runtime-'));
  registry = await startRegistry({ auth: 'htpasswd' });
  proxy = await startFaultProxy(registry.host, []);
  const creds = `${USER}:${PASSWORD}`;
  const layout = join(dir, 'app-layout');
  await mkdir(layout);
  await pushImage(await writeDebianAppLayout(layout), `${registry.host}/shop/app:1.0`, { creds });
  await pushImage(
    `docker-archive:${fixtureImage('snyk-docker-plugin/containerd-archives_alpine.tar')}`,
    `${registry.host}/shop/tools:3`,
    { creds },
  );
  const app = await blobsOf(`${registry.host}/shop/app:1.0`);
  const tools = await blobsOf(`${registry.host}/shop/tools:3`);
  Object.assign(digests, { app: app.digest, tools: tools.digest, appBlobs: app.blobs, toolsBlobs: tools.blobs });

  db = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(tracker, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  expect((await runCli(['db', 'import', ...lists, '--db', db])).code).toBe(0);

  const host = proxy.host;
  const appImage = `${host}/shop/app:1.0`;
  const toolsImage = `${host}/shop/tools:3`;
  const appId = `${host}/shop/app@${digests.app}`;
  const toolsId = `${host}/shop/tools@${digests.tools}`;
  const regcred = (ns: string, name: string) =>
    dockerConfigSecret(ns, name, { [host]: { username: USER, password: PASSWORD } });
  api = await startFakeKubeApi({
    objects: [
      ...['shop', 'data', 'tools'].map(namespace),
      regcred('shop', 'regcred'),
      regcred('data', 'regcred-data'),
      regcred('tools', 'regcred-tools'),
      serviceAccount('shop', 'default'),
      serviceAccount('data', 'cache-sa', ['regcred-data']),
      serviceAccount('tools', 'default'),
      workload('Deployment', 'shop', 'web'),
      workload('ReplicaSet', 'shop', 'web-7f9c', { kind: 'Deployment', name: 'web' }),
      workload('StatefulSet', 'data', 'cache'),
      ...['1', '2'].map((n) =>
        pod({
          namespace: 'shop',
          name: `web-7f9c-${n}`,
          labels: { app: 'web', tier: 'front' },
          owner: { kind: 'ReplicaSet', name: 'web-7f9c' },
          imagePullSecrets: ['regcred'],
          containers: [{ name: 'web', image: appImage, imageID: appId }],
          ...(n === '1' ? { initContainers: [{ name: 'setup', image: toolsImage, imageID: toolsId }] } : {}),
        }),
      ),
      pod({
        namespace: 'shop',
        name: 'debug',
        labels: { 'lucent.io/scan': 'false' },
        containers: [{ name: 'shell', image: toolsImage, imageID: toolsId }],
      }),
      pod({
        namespace: 'data',
        name: 'cache-0',
        labels: { 'app.kubernetes.io/name': 'cache', version: '3' },
        owner: { kind: 'StatefulSet', name: 'cache' },
        serviceAccountName: 'cache-sa',
        containers: [{ name: 'cache', image: toolsImage, imageID: toolsId }],
      }),
      // Built on the node: only the local image ID (the config digest) is known; the registry's tag still has it.
      pod({
        namespace: 'shop',
        name: 'local-build',
        labels: { app: 'web', tier: 'front' },
        imagePullSecrets: ['regcred'],
        containers: [{ name: 'web', image: appImage, imageID: `docker://${digests.appBlobs[0]}` }],
      }),
      // Its tag has moved on since the node loaded it: the running image cannot be pulled by name.
      pod({
        namespace: 'tools',
        name: 'stale',
        imagePullSecrets: ['regcred-tools'],
        containers: [{ name: 'x', image: toolsImage, imageID: `sha256:${'f'.repeat(64)}` }],
      }),
      pod({
        namespace: 'tools',
        name: 'broken',
        imagePullSecrets: ['regcred-tools'],
        containers: [{ name: 'x', image: `${host}/shop/gone@${MISSING}`, imageID: `${host}/shop/gone@${MISSING}` }],
      }),
    ],
  });
  kubeconfig = await api.writeKubeconfig(join(dir, 'kubeconfig'));
});

afterAll(async () => {
  await api?.stop();
  await proxy?.stop();
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

const scan = (...extra: string[]) =>
  runCli(
    [
      '--quiet',
      '--cache-dir',
      join(dir, 'cache'),
      'runtime',
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--db',
      db,
      '--store',
      `sqlite:${join(dir, 'lucent.db')}`,
      ...extra,
    ],
    { HOME: dir, KUBECONFIG: '', LUCENT_DATABASE_URL: '' },
  );

/** The layers of both images (their blobs but the config). */
const layers = () => [...digests.appBlobs.slice(1), ...digests.toolsBlobs.slice(1)];

/** Layer blobs fetched successfully since request number `from`. */
const layerGets = (from: number) =>
  proxy.requests
    .slice(from)
    .filter((request) => request.method === 'GET' && request.status === 200 && request.path.includes('/blobs/'))
    .map((request) => request.path.split('/blobs/')[1] ?? '')
    .filter((digest) => layers().includes(digest));

describe('lucent runtime scan', () => {
  let firstMs = 0;

  it('scans each unique digest once and prints the summary', async () => {
    const before = proxy.requests.length;
    const started = Date.now();
    const result = await scan('--cis');
    firstMs = Date.now() - started;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Runtime scan DONE in \d+\.\ds; namespaces: data, shop, tools$/);
    expect(lines.slice(1, 8)).toEqual([
      'Pods: 7 (1 skipped), containers: 7',
      'Images: 3 unique (2 pulled, 0 re-matched, 0 up to date, 2 failed)',
      'Applications: 2',
      'Packages: 18',
      'Vulnerabilities: 6 (CRITICAL 0, HIGH 0, MEDIUM 0, LOW 0, NEGLIGIBLE 0, UNKNOWN 6)',
      'CIS Docker Benchmark: FATAL 0, WARN 2, INFO 4',
      '',
    ]);
    expect(result.stdout).toContain(
      `Failed to scan image "${proxy.host}/shop/gone@${MISSING}". Affected pods: tools/broken. Reasons: `,
    );
    expect(result.stdout).toContain(
      `Failed to scan image "${proxy.host}/shop/tools:3". Affected pods: tools/stale. Reasons: the node runs local image sha256:${'f'.repeat(64)}, but ${proxy.host}/shop/tools:3 now points to ${digests.toolsBlobs[0]} in the registry.`,
    );
    // Every layer of both images was fetched exactly once. (Config blobs are small and are also read to identify the
    // node-local images.)
    expect(layerGets(before).sort()).toEqual(layers().sort());
  });

  it('pulls nothing the second time, and does not even match again when the advisories did not change', async () => {
    const before = proxy.requests.length;
    const started = Date.now();
    const result = await scan();
    const secondMs = Date.now() - started;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 7)).toEqual([
      'Pods: 7 (1 skipped), containers: 7',
      'Images: 3 unique (0 pulled, 0 re-matched, 2 up to date, 2 failed)',
      'Applications: 2',
      'Packages: 18',
      'Vulnerabilities: 6 (CRITICAL 0, HIGH 0, MEDIUM 0, LOW 0, NEGLIGIBLE 0, UNKNOWN 6)',
      '',
    ]);
    expect(layerGets(before)).toEqual([]);
    // Only manifests and configs: to identify the two node-local images, and the missing image.
    const asked = proxy.requests.slice(before).map((request) => request.path.split('/').slice(3, 5).join(' '));
    expect([...new Set(asked)].sort()).toEqual([
      'app blobs',
      'app manifests',
      'gone manifests',
      'tools blobs',
      'tools manifests',
    ]);
    process.stdout.write(`runtime scan: first ${firstMs} ms, second ${secondMs} ms\n`);
  });

  it('finds what lucent scan finds in the same image', async () => {
    const direct = await runCli(['--no-cache', 'scan', `oci-dir:${join(dir, 'app-layout')}`, '--db', db, '-f', 'json']);
    expect(direct.stderr).toBe('');
    const pairs = JSON.parse(direct.stdout).findings.map(
      (finding: { id: string; package: { name: string } }) => `${finding.package.name} ${finding.id}`,
    );
    // The 6 vulnerabilities of the summary: the alpine image has none in the Debian feeds.
    expect(pairs.sort()).toEqual([
      'apt CVE-2020-27350',
      'apt CVE-2020-3810',
      'dpkg CVE-2022-1664',
      'gzip CVE-2022-1271',
      'libapt-pkg5.0 CVE-2020-27350',
      'libapt-pkg5.0 CVE-2020-3810',
    ]);
  });

  it('matches the stored SBOMs again, without pulling, once the advisory database changed', async () => {
    const record = {
      id: 'DSA-9999-1',
      modified: '2025-01-01T00:00:00Z',
      aliases: ['CVE-2099-12345'],
      affected: [
        {
          package: { ecosystem: 'Debian:10', name: 'dpkg' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.19.9' }] }],
        },
      ],
    };
    const file = join(dir, 'DSA-9999-1.json');
    await writeFile(file, JSON.stringify(record));
    expect((await runCli(['db', 'import', file, '--db', db])).code).toBe(0);
    const before = proxy.requests.length;
    const result = await scan();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(2, 6)).toEqual([
      'Images: 3 unique (0 pulled, 2 re-matched, 0 up to date, 2 failed)',
      'Applications: 2',
      'Packages: 18',
      'Vulnerabilities: 7 (CRITICAL 0, HIGH 0, MEDIUM 0, LOW 0, NEGLIGIBLE 0, UNKNOWN 7)',
    ]);
    expect(layerGets(before)).toEqual([]);
  });

  it('reports applications, images and failures as JSON', async () => {
    const result = await scan('-f', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome.applications).toEqual([
      {
        name: 'cache.3',
        type: 'POD',
        labels: ['app.kubernetes.io/name=cache', 'version=3'],
        environments: ['data'],
        resources: [{ digest: digests.tools, name: `${proxy.host}/shop/tools:3`, source: 'RUNTIME' }],
        pods: ['data/cache-0'],
      },
      {
        name: 'web',
        type: 'POD',
        labels: ['app=web', 'tier=front'],
        environments: ['shop'],
        resources: [
          { digest: digests.app, name: `${proxy.host}/shop/app:1.0`, source: 'RUNTIME' },
          { digest: digests.tools, name: `${proxy.host}/shop/tools:3`, source: 'RUNTIME' },
        ],
        pods: ['shop/local-build', 'shop/web-7f9c-1', 'shop/web-7f9c-2'],
      },
    ]);
    expect(
      outcome.images.map((image: { name: string; action: string; state: string; pods: string[] }) => [
        image.name,
        image.action,
        image.state,
        image.pods,
      ]),
    ).toEqual([
      [`${proxy.host}/shop/app:1.0`, 'current', 'done', ['shop/local-build', 'shop/web-7f9c-1', 'shop/web-7f9c-2']],
      [`${proxy.host}/shop/gone@${MISSING}`, 'pull', 'failed', ['tools/broken']],
      [`${proxy.host}/shop/tools:3`, 'current', 'done', ['data/cache-0', 'shop/web-7f9c-1']],
    ]);
  });
});
