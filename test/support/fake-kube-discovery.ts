/**
 * What `kubectl` needs from the test Kubernetes API server beyond plain reads: legacy discovery (`/api`, `/apis`,
 * `/api/v1`, `/apis/GROUP/VERSION`) and server-side printing (a `meta.k8s.io/v1` Table when the Accept header asks
 * for `as=Table`). Aggregated discovery is not offered, so kubectl falls back to the legacy documents, as it does
 * against any server that does not speak it.
 */
import { apiVersionOf, type KubeObject, RESOURCE_TYPES, type ResourceType } from './fake-kube-store.ts';

/** The discovery document at `path`, or undefined when the path is not a discovery path. */
export function discovery(path: string, host: string): unknown {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }],
    };
  }
  const groups = [...new Set(RESOURCE_TYPES.map((type) => type.group).filter(Boolean))];
  if (trimmed === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((name) => ({
        name,
        versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
        preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
      })),
    };
  }
  const group = /^\/apis\/([^/]+)$/.exec(trimmed)?.[1];
  if (group && groups.includes(group)) {
    return {
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: group,
      versions: [{ groupVersion: `${group}/v1`, version: 'v1' }],
      preferredVersion: { groupVersion: `${group}/v1`, version: 'v1' },
    };
  }
  const groupVersion = trimmed === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/v1)$/.exec(trimmed)?.[1];
  if (!groupVersion) return undefined;
  const types = RESOURCE_TYPES.filter((type) => apiVersionOf(type) === groupVersion);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: types.map((type) => ({
      name: type.resource,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: ['get', 'list'],
      ...(type.shortNames ? { shortNames: type.shortNames } : {}),
    })),
  };
}

/** True when the client asked for server-side printing (kubectl get does). */
export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

/** A Table of objects: Name and Age for every kind, plus Ready/Status/Restarts for pods, as kubectl prints them. */
export function tableOf(type: ResourceType, objects: readonly KubeObject[], resourceVersion: string): unknown {
  const pods = type.kind === 'Pod';
  const columns = [
    { name: 'Name', type: 'string', format: 'name', priority: 0 },
    ...(pods
      ? [
          { name: 'Ready', type: 'string', format: '', priority: 0 },
          { name: 'Status', type: 'string', format: '', priority: 0 },
          { name: 'Restarts', type: 'string', format: '', priority: 0 },
        ]
      : []),
    { name: 'Age', type: 'string', format: '', priority: 0 },
  ].map((column) => ({ ...column, description: column.name }));
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns,
    rows: objects.map((object) => ({
      cells: [object.metadata.name, ...(pods ? podCells(object) : []), ageOf(object.metadata.creationTimestamp)],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata },
    })),
  };
}

function podCells(pod: KubeObject): string[] {
  const spec = pod.spec as { containers?: unknown[] } | undefined;
  const status = pod.status as
    | { phase?: string; containerStatuses?: { ready?: boolean; restartCount?: number }[] }
    | undefined;
  const statuses = status?.containerStatuses ?? [];
  const ready = statuses.filter((entry) => entry.ready).length;
  const restarts = statuses.reduce((sum, entry) => sum + (entry.restartCount ?? 0), 0);
  return [`${ready}/${spec?.containers?.length ?? 0}`, status?.phase ?? 'Pending', String(restarts)];
}

function ageOf(timestamp: string | undefined): string {
  if (!timestamp) return '<unknown>';
  const days = Math.floor((Date.now() - Date.parse(timestamp)) / 86_400_000);
  return days > 0 ? `${days}d` : '0s';
}
