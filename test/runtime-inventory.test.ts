/**
 * The runtime inventory against the test Kubernetes API server over HTTPS, with the real client-node: containers of
 * all three kinds with their digests, owners followed up to the workload, skipped pods, pull secrets from the pod,
 * its service account and the global setting, paging with an expired continue token, per-namespace RBAC, contexts,
 * in-cluster configuration, connections reused across calls, and kubectl as a check that the server speaks real
 * Kubernetes.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLucentError } from '../src/core/errors.ts';
import { collectInventory, connectCluster, credentialsFor } from '../src/runtime/inventory/index.ts';
import type { ClusterInventory } from '../src/runtime/inventory/types.ts';
import { type FakeKubeApi, startFakeKubeApi } from './support/fake-kube-api.ts';
import {
  dockerCfgSecret,
  dockerConfigSecret,
  namespace,
  pod,
  serviceAccount,
  workload,
} from './support/fake-kube-objects.ts';

const run = promisify(execFile);
const d = (char: string) => `sha256:${char.repeat(64)}`;
const REG = 'registry.example:5000';

const OBJECTS = [
  ...['team-a', 'team-b', 'kube-system'].map(namespace),
  workload('Deployment', 'team-a', 'web'),
  workload('ReplicaSet', 'team-a', 'web-5d4f', { kind: 'Deployment', name: 'web' }),
  workload('CronJob', 'team-a', 'report'),
  workload('Job', 'team-a', 'report-28999', { kind: 'CronJob', name: 'report' }),
  workload('StatefulSet', 'team-b', 'db'),
  dockerConfigSecret('team-a', 'regcred', { [REG]: { username: 'puller', password: 'pa55' } }),
  dockerCfgSecret('team-b', 'hub', 'https://index.docker.io/v1/', 'hub-token'),
  dockerConfigSecret('lucent', 'global-regcred', { [`https://${REG}`]: { username: 'global', password: 'g' } }),
  serviceAccount('team-a', 'default'),
  serviceAccount('team-b', 'default'),
  serviceAccount('team-b', 'builder', ['hub', 'gone']),
  ...['aaa', 'bbb'].map((suffix) =>
    pod({
      namespace: 'team-a',
      name: `web-5d4f-${suffix}`,
      labels: { app: 'web', 'pod-template-hash': '5d4f' },
      owner: { kind: 'ReplicaSet', name: 'web-5d4f' },
      imagePullSecrets: ['regcred'],
      containers: [{ name: 'app', image: `${REG}/web:1.0`, imageID: `docker-pullable://${REG}/web@${d('a')}` }],
      initContainers: [{ name: 'migrate', image: `${REG}/tools:3`, imageID: `${REG}/tools@${d('b')}` }],
    }),
  ),
  pod({
    namespace: 'team-a',
    name: 'report-28999-xk2p',
    owner: { kind: 'Job', name: 'report-28999' },
    containers: [{ name: 'report', image: `${REG}/report:2`, imageID: d('c') }],
  }),
  pod({
    namespace: 'team-b',
    name: 'db-0',
    labels: { app: 'db' },
    owner: { kind: 'StatefulSet', name: 'db' },
    serviceAccountName: 'builder',
    containers: [{ name: 'postgres', image: 'postgres:16', imageID: `docker.io/library/postgres@${d('d')}` }],
    ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36', imageID: `docker.io/library/busybox@${d('e')}` }],
  }),
  pod({
    namespace: 'team-b',
    name: 'pending',
    containers: [
      { name: 'pinned', image: `${REG}/web:1.0@${d('a')}` },
      { name: 'floating', image: `${REG}/web:latest` },
    ],
  }),
  pod({
    namespace: 'team-b',
    name: 'opted-out',
    labels: { 'lucent.io/scan': 'false' },
    containers: [{ name: 'x', image: 'nginx', imageID: `docker.io/library/nginx@${d('f')}` }],
  }),
  pod({
    namespace: 'team-b',
    name: 'annotated-out',
    annotations: { 'lucent.io/scan': 'false' },
    containers: [{ name: 'x', image: 'nginx', imageID: `docker.io/library/nginx@${d('f')}` }],
  }),
  pod({
    namespace: 'kube-system',
    name: 'coredns-abc',
    containers: [{ name: 'coredns', image: 'coredns/coredns', imageID: `docker.io/coredns/coredns@${d('9')}` }],
  }),
];

let api: FakeKubeApi;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  api = await startFakeKubeApi({ objects: OBJECTS });
  dir = await mkdtemp(join(tmpdir(), 'lucent-inventory-'));
  kubeconfig = await api.writeKubeconfig(join(dir, 'config'));
});

afterAll(async () => {
  await api?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** One line per container: `ns/pod container kind identity workload secrets`. */
function rows(inventory: ClusterInventory): string[] {
  return inventory.containers.map((c) => {
    const identity =
      c.identity.kind === 'digest'
        ? `${c.identity.reference}`
        : c.identity.kind === 'local'
          ? `local ${c.identity.imageId.slice(0, 12)} of ${c.identity.specImage}`
          : `unknown: ${c.identity.reason}`;
    return `${c.namespace}/${c.pod} ${c.container} ${c.kind} ${identity} ${c.workload.kind}/${c.workload.name} [${c.pullSecrets.join(',')}]`;
  });
}

const scan = (scope: Parameters<typeof collectInventory>[1], options: Parameters<typeof connectCluster>[0] = {}) =>
  collectInventory(connectCluster({ kubeconfig, env: {}, ...options }).reader, scope);

describe('inventory', () => {
  it('lists every container with its digest, owner workload and pull secrets, and skips what it should', async () => {
    const inventory = await scan({
      namespaces: [],
      excludeNamespaces: ['kube-system'],
      globalPullSecret: 'lucent/global-regcred',
    });
    const a = `${REG}/web@${d('a')}`;
    expect(rows(inventory)).toEqual([
      `team-a/report-28999-xk2p report container local sha256:ccccc of ${REG}/report:2 CronJob/report [lucent/global-regcred]`,
      `team-a/web-5d4f-aaa migrate init ${REG}/tools@${d('b')} Deployment/web [team-a/regcred,lucent/global-regcred]`,
      `team-a/web-5d4f-aaa app container ${a} Deployment/web [team-a/regcred,lucent/global-regcred]`,
      `team-a/web-5d4f-bbb migrate init ${REG}/tools@${d('b')} Deployment/web [team-a/regcred,lucent/global-regcred]`,
      `team-a/web-5d4f-bbb app container ${a} Deployment/web [team-a/regcred,lucent/global-regcred]`,
      `team-b/db-0 postgres container docker.io/library/postgres@${d('d')} StatefulSet/db [team-b/hub,lucent/global-regcred]`,
      `team-b/db-0 debugger ephemeral docker.io/library/busybox@${d('e')} StatefulSet/db [team-b/hub,lucent/global-regcred]`,
      `team-b/pending pinned container ${a} Pod/pending [lucent/global-regcred]`,
      'team-b/pending floating container unknown: the container has not started, so its image digest is not known yet Pod/pending [lucent/global-regcred]',
    ]);
    expect(inventory.skipped).toEqual([
      { namespace: 'team-b', pod: 'annotated-out', reason: 'annotation lucent.io/scan=false' },
      { namespace: 'team-b', pod: 'opted-out', reason: 'label lucent.io/scan=false' },
    ]);
    expect(inventory.namespaces).toEqual(['team-a', 'team-b']);
    expect(inventory.podCount).toBe(7);
    expect(inventory.failures).toEqual([]);
    expect(inventory.warnings).toEqual([
      'the pull secret team-b/gone of service account team-b/builder does not exist',
    ]);
    expect([...inventory.secrets.keys()].sort()).toEqual(['lucent/global-regcred', 'team-a/regcred', 'team-b/hub']);
    expect(inventory.containers[1]?.podLabels).toEqual({ app: 'web', 'pod-template-hash': '5d4f' });
  });

  it('turns pull secrets into registry credentials, in order, for the image registry only', async () => {
    const inventory = await scan({ namespaces: ['team-a', 'team-b'], globalPullSecret: 'lucent/global-regcred' });
    const secrets = (keys: string[]) => keys.map((key) => inventory.secrets.get(key)).filter((s) => s !== undefined);
    expect(credentialsFor(REG, secrets(['team-a/regcred', 'lucent/global-regcred']))).toEqual({
      credentials: [
        { kind: 'basic', username: 'puller', password: 'pa55', source: `pull secret team-a/regcred (auths["${REG}"])` },
        {
          kind: 'basic',
          username: 'global',
          password: 'g',
          source: `pull secret lucent/global-regcred (auths["https://${REG}"])`,
        },
      ],
      problems: [],
    });
    expect(credentialsFor('docker.io', secrets(['team-b/hub', 'lucent/global-regcred']))).toEqual({
      credentials: [
        {
          kind: 'registry-token',
          token: 'hub-token',
          source: 'pull secret team-b/hub (auths["https://index.docker.io/v1/"])',
        },
      ],
      problems: [],
    });
  });

  it('reads only the namespaces asked for, with one list call each', async () => {
    const before = api.requests.length;
    const inventory = await scan({ namespaces: ['team-b'] });
    expect(inventory.namespaces).toEqual(['team-b']);
    expect(inventory.containers.map((c) => `${c.pod}/${c.container}`)).toEqual([
      'db-0/postgres',
      'db-0/debugger',
      'pending/pinned',
      'pending/floating',
    ]);
    const lists = api.requests.slice(before).filter((r) => r.path.endsWith('/pods'));
    expect(lists.map((r) => `${r.path}?limit=${r.query.limit}`)).toEqual(['/api/v1/namespaces/team-b/pods?limit=500']);
  });

  it('reuses its connections across calls made one after another', async () => {
    const { reader } = connectCluster({ kubeconfig, env: {} });
    const connect = tls.connect;
    let handshakes = 0;
    tls.connect = ((...args: Parameters<typeof tls.connect>) => {
      handshakes += 1;
      return connect(...args);
    }) as typeof tls.connect;
    try {
      for (let i = 0; i < 10; i++) {
        expect(await reader.getReplicaSet('team-a', 'web-5d4f')).toMatchObject({ name: 'web-5d4f' });
        await reader.getServiceAccountPullSecrets('team-a', 'default');
      }
    } finally {
      tls.connect = connect;
    }
    // 20 calls, 2 handshakes: undici opens a second connection on the second call, then reuses both. Without the
    // shared pool it was one handshake per call.
    expect(handshakes).toBe(2);
  });
});

describe('paging', () => {
  let big: FakeKubeApi;
  let config: string;
  beforeAll(async () => {
    const pods = Array.from({ length: 1203 }, (_, i) =>
      pod({
        namespace: `ns-${i % 3}`,
        name: `p-${String(i).padStart(4, '0')}`,
        containers: [{ name: 'c', image: 'nginx', imageID: `docker.io/library/nginx@${d('1')}` }],
      }),
    );
    big = await startFakeKubeApi({ objects: pods });
    config = await big.writeKubeconfig(join(dir, 'big'));
  });
  afterAll(async () => big?.stop());

  it('follows continue tokens page by page', async () => {
    const inventory = await collectInventory(connectCluster({ kubeconfig: config, env: {} }).reader, {
      namespaces: [],
    });
    expect(inventory.containers).toHaveLength(1203);
    const lists = big.requests.filter((r) => r.path === '/api/v1/pods');
    expect(lists.map((r) => [r.query.limit, Boolean(r.query.continue), r.status])).toEqual([
      ['500', false, 200],
      ['500', true, 200],
      ['500', true, 200],
    ]);
  });

  it('starts over with one full list when the continue token has expired (410 Gone)', async () => {
    big.requests.length = 0;
    big.onRequest = (request) => {
      if (request.path === '/api/v1/pods' && !request.query.continue) big.store.compact();
    };
    const inventory = await collectInventory(connectCluster({ kubeconfig: config, env: {} }).reader, {
      namespaces: [],
    });
    big.onRequest = undefined;
    expect(inventory.containers).toHaveLength(1203);
    const lists = big.requests.filter((r) => r.path === '/api/v1/pods');
    expect(lists.map((r) => [r.query.limit, Boolean(r.query.continue), r.status])).toEqual([
      ['500', false, 200],
      ['500', true, 410],
      [undefined, false, 200],
    ]);
  });
});

describe('access', () => {
  const podReader = [{ apiGroups: [''], resources: ['pods', 'serviceaccounts', 'secrets'], verbs: ['get', 'list'] }];
  let limited: FakeKubeApi;
  beforeAll(async () => {
    limited = await startFakeKubeApi({
      objects: OBJECTS,
      users: {
        'ns-token': {
          name: 'system:serviceaccount:lucent:scanner',
          clusterRules: [{ apiGroups: [''], resources: ['namespaces'], verbs: ['list'] }],
          namespaceRules: { 'team-a': podReader, 'kube-system': podReader },
        },
        'other-token': { name: 'jane' },
      },
    });
  });
  afterAll(async () => limited?.stop());

  it('falls back to per-namespace lists when the cluster-wide list is forbidden, and reports unreadable ones', async () => {
    const path = await limited.writeKubeconfig(join(dir, 'limited'), [{ name: 'scanner', token: 'ns-token' }]);
    const inventory = await collectInventory(connectCluster({ kubeconfig: path, env: {} }).reader, { namespaces: [] });
    expect(inventory.failures).toEqual([
      {
        namespace: 'team-b',
        message:
          'not allowed to read pods in namespace team-b: pods is forbidden: User "system:serviceaccount:lucent:scanner" cannot list resource "pods" in API group "" in the namespace "team-b"',
      },
    ]);
    expect(inventory.namespaces).toEqual(['kube-system', 'team-a']);
    // ReplicaSets and Jobs are not readable with this token: the owner stays the ReplicaSet, with a warning.
    expect(inventory.containers.find((c) => c.pod === 'web-5d4f-aaa')?.workload).toEqual({
      kind: 'ReplicaSet',
      name: 'web-5d4f',
    });
    expect(inventory.warnings).toContain(
      'not allowed to read replicaset team-a/web-5d4f: replicasets "web-5d4f" is forbidden: User "system:serviceaccount:lucent:scanner" cannot get resource "replicasets" in API group "apps" in the namespace "team-a"',
    );
  });

  it('selects the --context, and names the cluster when the token is refused', async () => {
    const path = await limited.writeKubeconfig(join(dir, 'contexts'), [
      { name: 'wrong', token: 'nobody' },
      { name: 'jane', token: 'other-token' },
    ]);
    const ok = await collectInventory(connectCluster({ kubeconfig: path, context: 'jane', env: {} }).reader, {
      namespaces: ['team-b'],
    });
    expect(ok.containers).toHaveLength(4);
    const error = await collectInventory(connectCluster({ kubeconfig: path, env: {} }).reader, {
      namespaces: [],
    }).catch((e: unknown) => e);
    expect(isLucentError(error) && error.code).toBe('E_KUBE_DENIED');
    expect((error as Error).message).toBe(
      `the Kubernetes API at ${limited.url} refused our credentials (kubeconfig ${path}, context wrong)`,
    );
    expect(() => connectCluster({ kubeconfig: path, context: 'prod', env: {} })).toThrow(
      `the context "prod" is not in the kubeconfig ${path}`,
    );
  });

  it('uses the in-cluster service account when there is no kubeconfig', async () => {
    const root = join(dir, 'pod-root');
    const sa = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
    await mkdir(sa, { recursive: true });
    await writeFile(join(sa, 'token'), 'other-token');
    await writeFile(join(sa, 'ca.crt'), limited.ca ?? '');
    await writeFile(join(sa, 'namespace'), 'lucent');
    const port = new URL(limited.url).port;
    const env = { HOME: join(dir, 'empty-home'), KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port };
    const { reader, source } = connectCluster({ env, inClusterRoot: root });
    expect(source).toBe('in-cluster service account, context inClusterContext');
    expect((await collectInventory(reader, { namespaces: ['team-a'] })).podCount).toBe(3);
    expect(() => connectCluster({ env: { HOME: join(dir, 'empty-home') } })).toThrow(
      'no Kubernetes configuration found',
    );
  });

  it('refuses a server whose certificate is not signed by the kubeconfig CA', async () => {
    const path = join(dir, 'no-ca');
    await writeFile(
      path,
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${limited.url}"}}]\nusers: [{name: u, user: {token: other-token}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`,
    );
    const error = await collectInventory(connectCluster({ kubeconfig: path, env: {} }).reader, {
      namespaces: ['team-a'],
    }).catch((e: unknown) => e);
    expect(isLucentError(error) && error.code).toBe('E_KUBE_UNREACHABLE');
    expect((error as Error).message).toMatch(/certificate/i);
  });
});

describe('the test API server', () => {
  it('answers kubectl like a real cluster', async () => {
    const home = join(dir, 'kubectl-home');
    await mkdir(home, { recursive: true });
    const { stdout } = await run('kubectl', ['--kubeconfig', kubeconfig, 'get', 'pods', '-n', 'team-a'], {
      env: { PATH: process.env.PATH, HOME: home },
    });
    expect(stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(stdout).toMatch(/^web-5d4f-aaa\s+1\/1\s+Running\s+0\s+/m);
    const json = await run(
      'kubectl',
      ['--kubeconfig', kubeconfig, 'get', 'pods', '-A', '-l', 'app=db', '-o', 'jsonpath={.items[*].metadata.name}'],
      { env: { PATH: process.env.PATH, HOME: home } },
    );
    expect(json.stdout).toBe('db-0');
  });
});
