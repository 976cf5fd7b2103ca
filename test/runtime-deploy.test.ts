/**
 * The deploy manifests: every YAML file parses, `kubectl kustomize` renders the base and the PostgreSQL overlay, the
 * rendered objects validate against the Kubernetes OpenAPI schemas (`kubernetes-models`) and are well formed
 * (selectors match their pods, containers run as non-root with no privilege escalation), and the ClusterRole grants exactly the Kubernetes API calls the inventory makes, which is also checked
 * live: the inventory runs against the test API server with a token bound to that role and nothing else.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { collectInventory, connectCluster, KUBE_API_CALLS } from '../src/runtime/inventory/index.ts';
import { type FakeKubeApi, type RbacRule, startFakeKubeApi } from './support/fake-kube-api.ts';
import { dockerConfigSecret, namespace, pod, serviceAccount, workload } from './support/fake-kube-objects.ts';

const run = promisify(execFile);
const deploy = fileURLToPath(new URL('../deploy/', import.meta.url));

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [k: string]: unknown;
};

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

async function render(overlay: string): Promise<K8sObject[]> {
  const { stdout } = await run('kubectl', ['kustomize', join(deploy, overlay)], { env: { PATH: process.env.PATH } });
  const documents = parseAllDocuments(stdout);
  for (const document of documents) expect(document.errors).toEqual([]);
  return documents.map((document) => document.toJS() as K8sObject);
}

type Container = { name: string; image: string; securityContext?: Record<string, unknown> };
type PodSpec = { containers: Container[]; securityContext?: Record<string, unknown>; serviceAccountName?: string };

function workloads(objects: K8sObject[]) {
  return objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet') as (K8sObject & {
    spec: {
      selector: { matchLabels: Record<string, string> };
      template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
    };
  })[];
}

/** The kubernetes-models class of an object: one module per kind, `<group>/<version>/<Kind>` (core: `v1/<Kind>`). */
async function modelOf(object: K8sObject): Promise<new (data: unknown) => { validate(): void }> {
  const specifier = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  const model = await import(/* @vite-ignore */ specifier);
  return model[object.kind];
}

function clusterRoleRules(objects: K8sObject[]): RbacRule[] {
  const role = objects.find((o) => o.kind === 'ClusterRole' && o.metadata.name === 'lucent-runtime-scanner');
  return (role as unknown as { rules: RbacRule[] }).rules;
}

describe('deploy manifests', () => {
  it('parse as YAML, every file', async () => {
    const files = await yamlFiles(deploy);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const documents = parseAllDocuments(await readFile(file, 'utf8'));
      for (const document of documents) expect({ file, errors: document.errors }).toEqual({ file, errors: [] });
    }
  });

  it.each(['base', 'overlays/postgres'])('%s renders objects that the Kubernetes schemas accept', async (overlay) => {
    const objects = await render(overlay);
    const validated: string[] = [];
    for (const object of objects) {
      const Model = await modelOf(object);
      expect(() => new Model(object).validate(), `${object.kind}/${object.metadata.name}`).not.toThrow();
      validated.push(`${object.kind}/${object.metadata.name}`);
    }
    // The schemas do reject a broken object: a port given as a name where a number is required.
    const server = objects.find((o) => o.kind === 'Service') as K8sObject & { spec: { ports: { port: unknown }[] } };
    const broken = structuredClone(server);
    (broken.spec.ports[0] as { port: unknown }).port = 'http';
    const Service = await modelOf(broken);
    expect(() => new Service(broken).validate()).toThrow(/port must be integer/);
    const expected = [
      'ClusterRole/lucent-runtime-scanner',
      'ClusterRoleBinding/lucent-runtime-scanner',
      'ConfigMap/lucent-config-CHECKSUM',
      'Deployment/lucent-server',
      'Deployment/lucent-worker',
      'Namespace/lucent',
      'PersistentVolumeClaim/lucent-data',
      'Service/lucent',
      'ServiceAccount/lucent',
      ...(overlay === 'base'
        ? []
        : ['PersistentVolumeClaim/lucent-advisories', 'Service/lucent-postgres', 'StatefulSet/lucent-postgres']),
    ];
    expect(validated.map((name) => name.replace(/^(ConfigMap\/lucent-config)-\w+$/, '$1-CHECKSUM')).sort()).toEqual(
      expected.sort(),
    );
  });

  it.each(['base', 'overlays/postgres'])('%s renders well-formed, locked-down objects', async (overlay) => {
    const objects = await render(overlay);
    for (const object of objects) {
      expect(object.apiVersion).toMatch(/^(v1|apps\/v1|rbac\.authorization\.k8s\.io\/v1)$/);
      expect(object.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      if (!['Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(object.kind)) {
        expect(object.metadata.namespace).toBe('lucent');
      }
    }
    for (const item of workloads(objects)) {
      const labels = item.spec.template.metadata.labels;
      for (const [key, value] of Object.entries(item.spec.selector.matchLabels)) expect(labels[key]).toBe(value);
      expect(item.spec.template.spec.securityContext?.runAsNonRoot).toBe(true);
      for (const container of item.spec.template.spec.containers) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
    const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === 'lucent') as unknown as {
      spec: { selector: Record<string, string> };
    };
    const server = workloads(objects).find((w) => w.metadata.name === 'lucent-server');
    expect(server?.spec.template.spec.serviceAccountName).toBe('lucent');
    for (const [key, value] of Object.entries(service.spec.selector)) {
      expect(server?.spec.template.metadata.labels[key]).toBe(value);
    }
  });

  it('scales workers out and requires the database secret on PostgreSQL', async () => {
    const objects = await render('overlays/postgres');
    const worker = workloads(objects).find((w) => w.metadata.name === 'lucent-worker') as unknown as {
      spec: { replicas: number; template: { spec: { containers: { env: unknown[] }[] } } };
    };
    expect(worker.spec.replicas).toBe(3);
    expect(worker.spec.template.spec.containers[0]?.env).toEqual([
      {
        name: 'LUCENT_DATABASE_URL',
        valueFrom: { secretKeyRef: { name: 'lucent-database', key: 'url', optional: false } },
      },
    ]);
    expect((await render('base')).filter((o) => o.kind === 'StatefulSet')).toEqual([]);
  });

  it('grants exactly the API calls the inventory makes', async () => {
    const rules = clusterRoleRules(await render('base'));
    const granted = rules.flatMap((rule) =>
      rule.apiGroups.flatMap((group) =>
        rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${group}/${resource}:${verb}`)),
      ),
    );
    const needed = KUBE_API_CALLS.map((call) => `${call.apiGroup}/${call.resource}:${call.verb}`);
    expect(granted.sort()).toEqual([...needed].sort());
  });

  it('Dockerfile: two stages on node:24-slim, a non-root user, lucent as the entrypoint', async () => {
    const text = await readFile(join(deploy, 'Dockerfile'), 'utf8');
    expect(text.match(/^FROM .*$/gm)).toEqual(['FROM node:24-slim AS build', 'FROM node:24-slim']);
    expect(text).toMatch(/^USER 10001:10001$/m);
    expect(text).toMatch(/^ENTRYPOINT \["node", "\/app\/bin\/lucent.js"\]$/m);
  });
});

describe('the ClusterRole against the test API server', () => {
  let api: FakeKubeApi;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lucent-rbac-'));
    const rules = clusterRoleRules(await render('base'));
    api = await startFakeKubeApi({
      users: { 'scanner-token': { name: 'system:serviceaccount:lucent:lucent', clusterRules: rules } },
      objects: [
        namespace('a'),
        serviceAccount('a', 'default', ['regcred']),
        dockerConfigSecret('a', 'regcred', { 'r.io': { username: 'u', password: 'p' } }),
        workload('Deployment', 'a', 'web'),
        workload('ReplicaSet', 'a', 'web-1', { kind: 'Deployment', name: 'web' }),
        workload('CronJob', 'a', 'nightly'),
        workload('Job', 'a', 'nightly-1', { kind: 'CronJob', name: 'nightly' }),
        pod({
          namespace: 'a',
          name: 'web-1-x',
          owner: { kind: 'ReplicaSet', name: 'web-1' },
          containers: [{ name: 'c', image: 'r.io/web:1', imageID: `r.io/web@sha256:${'a'.repeat(64)}` }],
        }),
        pod({
          namespace: 'a',
          name: 'nightly-1-y',
          owner: { kind: 'Job', name: 'nightly-1' },
          imagePullSecrets: ['regcred'],
          containers: [{ name: 'c', image: 'r.io/job:1', imageID: `r.io/job@sha256:${'b'.repeat(64)}` }],
        }),
      ],
    });
  });
  afterAll(async () => {
    await api?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets the inventory read everything it needs, with no 403 anywhere', async () => {
    const kubeconfig = await api.writeKubeconfig(join(dir, 'config'), [{ name: 'scanner', token: 'scanner-token' }]);
    const inventory = await collectInventory(connectCluster({ kubeconfig, env: {} }).reader, { namespaces: [] });
    expect(inventory.warnings).toEqual([]);
    expect(
      inventory.containers.map((c) => `${c.pod} ${c.workload.kind}/${c.workload.name} [${c.pullSecrets}]`),
    ).toEqual(['nightly-1-y CronJob/nightly [a/regcred]', 'web-1-x Deployment/web [a/regcred]']);
    expect(api.requests.filter((request) => request.status === 403)).toEqual([]);
  });
});
