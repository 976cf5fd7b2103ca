/**
 * Builders for the Kubernetes objects the runtime tests put in the test API server: the shapes a real cluster has
 * (a Deployment's pods owned by a ReplicaSet owned by the Deployment, a CronJob's Job, statuses with imageIDs as
 * containerd writes them, pull secrets as `kubectl create secret docker-registry` makes them).
 */
import type { KubeObject } from './fake-kube-store.ts';

/** A namespace. */
export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase: 'Active' } };
}

/** One container of a test pod: its spec image and the imageID its status reports ('' = not started). */
export interface TestContainer {
  name: string;
  image: string;
  imageID?: string;
}

/** What a test pod has. */
export interface TestPod {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { kind: string; name: string; apiVersion?: string };
  serviceAccountName?: string;
  imagePullSecrets?: string[];
  containers: TestContainer[];
  initContainers?: TestContainer[];
  ephemeralContainers?: TestContainer[];
}

const API_VERSIONS: Record<string, string> = {
  ReplicaSet: 'apps/v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

function ownerReference(owner: { kind: string; name: string; apiVersion?: string }) {
  return {
    apiVersion: owner.apiVersion ?? API_VERSIONS[owner.kind] ?? 'v1',
    kind: owner.kind,
    name: owner.name,
    uid: `uid-${owner.kind.toLowerCase()}-${owner.name}`,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function statusOf(container: TestContainer) {
  const started = Boolean(container.imageID);
  return {
    name: container.name,
    image: container.image,
    imageID: container.imageID ?? '',
    ready: started,
    restartCount: 0,
    started,
    state: started ? { running: { startedAt: '2025-01-01T00:00:00Z' } } : { waiting: { reason: 'ContainerCreating' } },
  };
}

/** A running pod. */
export function pod(spec: TestPod): KubeObject {
  const specOf = (container: TestContainer) => ({
    name: container.name,
    image: container.image,
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      ...(spec.labels ? { labels: spec.labels } : {}),
      ...(spec.annotations ? { annotations: spec.annotations } : {}),
      ...(spec.owner ? { ownerReferences: [ownerReference(spec.owner)] } : {}),
    },
    spec: {
      containers: spec.containers.map(specOf),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(specOf) } : {}),
      ...(spec.ephemeralContainers
        ? { ephemeralContainers: spec.ephemeralContainers.map((c) => ({ ...specOf(c), targetContainerName: 'app' })) }
        : {}),
      serviceAccountName: spec.serviceAccountName ?? 'default',
      ...(spec.imagePullSecrets ? { imagePullSecrets: spec.imagePullSecrets.map((name) => ({ name })) } : {}),
      restartPolicy: 'Always',
      nodeName: 'node-1',
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      containerStatuses: spec.containers.map(statusOf),
      ...(spec.initContainers ? { initContainerStatuses: spec.initContainers.map(statusOf) } : {}),
      ...(spec.ephemeralContainers ? { ephemeralContainerStatuses: spec.ephemeralContainers.map(statusOf) } : {}),
    },
  };
}

/** A workload object (ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob), optionally owned. */
export function workload(
  kind: string,
  namespaceName: string,
  name: string,
  owner?: { kind: string; name: string },
): KubeObject {
  return {
    apiVersion: API_VERSIONS[kind] ?? 'v1',
    kind,
    metadata: {
      name,
      namespace: namespaceName,
      ...(owner ? { ownerReferences: [ownerReference(owner)] } : {}),
    },
    spec: {},
    status: {},
  };
}

/** A `kubernetes.io/dockerconfigjson` secret, as `kubectl create secret docker-registry` writes it. */
export function dockerConfigSecret(
  namespaceName: string,
  name: string,
  auths: Record<string, { username: string; password: string }>,
): KubeObject {
  const config = {
    auths: Object.fromEntries(
      Object.entries(auths).map(([server, { username, password }]) => [
        server,
        { username, password, auth: Buffer.from(`${username}:${password}`).toString('base64') },
      ]),
    ),
  };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: namespaceName },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from(JSON.stringify(config)).toString('base64') },
  };
}

/** A legacy `kubernetes.io/dockercfg` secret (the bare auths map). */
export function dockerCfgSecret(namespaceName: string, name: string, server: string, token: string): KubeObject {
  const cfg = { [server]: { registrytoken: token } };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: namespaceName },
    type: 'kubernetes.io/dockercfg',
    data: { '.dockercfg': Buffer.from(JSON.stringify(cfg)).toString('base64') },
  };
}

/** A service account with image pull secrets. */
export function serviceAccount(namespaceName: string, name: string, pullSecrets: string[] = []): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: namespaceName },
    ...(pullSecrets.length > 0 ? { imagePullSecrets: pullSecrets.map((secret) => ({ name: secret })) } : {}),
  };
}
