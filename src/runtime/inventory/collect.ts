/**
 * The inventory, as named steps: list the pods of the chosen namespaces, drop the skipped ones, resolve each pod's
 * owner workload, gather its pull secrets (the pod's, its service account's, the global one), and list its
 * containers. Lookups are memoised per run, so a Deployment's hundred pods cost one ReplicaSet read.
 */
import { isLucentError } from '../../core/errors.ts';
import { mapLimit } from '../map-limit.ts';
import type { KubeReader } from './kube-api.ts';
import type { ObjectMeta, Pod } from './kube-schema.ts';
import { podContainers, skipReason } from './pod-containers.ts';
import { type PullSecret, parsePullSecret } from './pull-secrets.ts';
import type { ClusterInventory, InventoryScope, RuntimeContainer, SkippedPod, Workload } from './types.ts';

/** Lookups in flight at once (owners, service accounts, secrets). */
const LOOKUP_PARALLELISM = 8;

/** Reads the inventory of the pods in `scope`. */
export async function collectInventory(reader: KubeReader, scope: InventoryScope): Promise<ClusterInventory> {
  const warnings: string[] = [];
  const { pods, failures } = await listScopedPods(reader, scope);
  const lookups = createLookups(reader, warnings);
  const skipped: SkippedPod[] = [];
  const scanned = pods.filter((pod) => {
    const reason = skipReason(pod);
    if (reason) skipped.push({ namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name, reason });
    return !reason;
  });
  const perPod = await mapLimit(scanned, LOOKUP_PARALLELISM, async (pod) => {
    const workload = await lookups.workloadOf(pod);
    const pullSecrets = await lookups.pullSecretsOf(pod, scope.globalPullSecret);
    return podContainers(pod, workload, pullSecrets);
  });
  const containers: RuntimeContainer[] = perPod.flat();
  const namespaces = scope.namespaces.length > 0 ? [...scope.namespaces] : pods.map((pod) => pod.metadata.namespace);
  return {
    namespaces: [...new Set(namespaces.filter((ns): ns is string => Boolean(ns)))].sort(),
    podCount: pods.length,
    containers,
    skipped,
    secrets: lookups.secrets(),
    warnings,
    failures,
  };
}

/**
 * Pods in the scope. All namespaces: one cluster-wide list, and when that is forbidden (a token bound per namespace),
 * one list per namespace. A namespace that cannot be read is a failure of that namespace, not of the scan.
 */
async function listScopedPods(
  reader: KubeReader,
  scope: InventoryScope,
): Promise<{ pods: Pod[]; failures: ClusterInventory['failures'] }> {
  const excluded = new Set(scope.excludeNamespaces ?? []);
  const keep = (pod: Pod) => !excluded.has(pod.metadata.namespace ?? 'default');
  let namespaces = scope.namespaces.filter((namespace) => !excluded.has(namespace));
  if (scope.namespaces.length === 0) {
    try {
      return { pods: (await reader.listPods()).filter(keep), failures: [] };
    } catch (error) {
      if (!(isLucentError(error) && error.code === 'E_KUBE_DENIED' && /forbidden/i.test(error.message))) throw error;
      namespaces = (await reader.listNamespaces()).filter((namespace) => !excluded.has(namespace));
    }
  }
  const failures: ClusterInventory['failures'] = [];
  const lists = await mapLimit(namespaces, LOOKUP_PARALLELISM, async (namespace) => {
    try {
      return await reader.listPods(namespace);
    } catch (error) {
      if (!(isLucentError(error) && error.code === 'E_KUBE_DENIED' && /forbidden/i.test(error.message))) throw error;
      failures.push({ namespace, message: error.message });
      return [];
    }
  });
  failures.sort((a, b) => a.namespace.localeCompare(b.namespace));
  return { pods: lists.flat(), failures };
}

interface Lookups {
  workloadOf(pod: Pod): Promise<Workload>;
  pullSecretsOf(pod: Pod, global: string | undefined): Promise<string[]>;
  secrets(): Map<string, PullSecret>;
}

function createLookups(reader: KubeReader, warnings: string[]): Lookups {
  const memo = new Map<string, Promise<unknown>>();
  /** Lookups that failed (forbidden, malformed): already warned about, so "not found" would be misleading. */
  const failed = new Set<string>();
  const warned = new Set<string>();
  const secrets = new Map<string, PullSecret>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    warnings.push(message);
  };
  /** Runs a lookup once per key; a forbidden or failed read is a warning and `undefined`. */
  function once<T>(key: string, read: () => Promise<T>): Promise<T | undefined> {
    let found = memo.get(key) as Promise<T | undefined> | undefined;
    if (!found) {
      found = read().catch((error: unknown) => {
        if (!isLucentError(error) || error.code === 'E_KUBE_UNREACHABLE') throw error;
        failed.add(key);
        warn(error.message);
        return undefined;
      });
      memo.set(key, found);
    }
    return found;
  }

  async function ownerOf(namespace: string, meta: ObjectMeta): Promise<Workload | undefined> {
    const owners = meta.ownerReferences ?? [];
    const owner = owners.find((reference) => reference.controller) ?? owners[0];
    if (!owner) return undefined;
    if (owner.kind === 'ReplicaSet' || owner.kind === 'Job') {
      const read = owner.kind === 'ReplicaSet' ? reader.getReplicaSet : reader.getJob;
      const parent = await once(`${owner.kind}/${namespace}/${owner.name}`, () => read(namespace, owner.name));
      const grand = parent ? await ownerOf(namespace, parent) : undefined;
      // Only the expected parents count: Deployment over ReplicaSet, CronJob over Job; anything else is kept as is.
      const expected = owner.kind === 'ReplicaSet' ? 'Deployment' : 'CronJob';
      if (grand?.kind === expected) return grand;
    }
    return { kind: owner.kind, name: owner.name };
  }

  async function secretKeys(namespace: string, names: string[], owner: string): Promise<string[]> {
    const keys: string[] = [];
    for (const name of names) {
      const key = name.includes('/') ? name : `${namespace}/${name}`;
      const [secretNamespace = namespace, secretName = name] = key.split('/');
      const secret = await once(`Secret/${key}`, () => reader.getSecret(secretNamespace, secretName));
      if (!secret) {
        if (!failed.has(`Secret/${key}`)) warn(`the pull secret ${key} of ${owner} does not exist`);
        continue;
      }
      if (!secrets.has(key)) {
        const parsed = parsePullSecret(secret);
        if ('problem' in parsed) {
          warn(parsed.problem);
          continue;
        }
        secrets.set(key, parsed);
      }
      if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  return {
    async workloadOf(pod) {
      const namespace = pod.metadata.namespace ?? 'default';
      return (await ownerOf(namespace, pod.metadata)) ?? { kind: 'Pod', name: pod.metadata.name };
    },
    async pullSecretsOf(pod, global) {
      const namespace = pod.metadata.namespace ?? 'default';
      const own = (pod.spec?.imagePullSecrets ?? []).flatMap((ref) => (ref.name ? [ref.name] : []));
      const accountName = pod.spec?.serviceAccountName || 'default';
      const fromAccount =
        (await once(`ServiceAccount/${namespace}/${accountName}`, () =>
          reader.getServiceAccountPullSecrets(namespace, accountName),
        )) ?? [];
      const podName = `pod ${namespace}/${pod.metadata.name}`;
      const keys = [
        ...(await secretKeys(namespace, own, podName)),
        ...(await secretKeys(namespace, fromAccount, `service account ${namespace}/${accountName}`)),
        ...(global ? await secretKeys(namespace, [global], 'the global configuration') : []),
      ];
      return [...new Set(keys)];
    },
    secrets: () => secrets,
  };
}
