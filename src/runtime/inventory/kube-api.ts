/**
 * The Kubernetes API calls the inventory makes, and nothing more: list namespaces and pods (paged with
 * `limit`/`continue`), get ReplicaSets and Jobs (to find their owners), service accounts and secrets (pull secrets).
 * `KUBE_API_CALLS` lists them; the deploy ClusterRole is checked against that list, so RBAC never lags the code.
 * Errors become catalogue errors; a 404 on a get is `undefined`.
 */
import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  type KubeConfig,
  type RequestContext,
} from '@kubernetes/client-node';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { LucentError } from '../../core/errors.ts';
import {
  type ObjectMeta,
  ownedObjectSchema,
  type Pod,
  podSchema,
  type Secret,
  secretSchema,
  serviceAccountSchema,
} from './kube-schema.ts';

/** One API call: the RBAC triple it needs. */
export interface KubeApiCall {
  apiGroup: string;
  resource: string;
  verb: 'get' | 'list';
}

/** Every call the inventory makes; the deploy ClusterRole must grant exactly these. */
export const KUBE_API_CALLS: readonly KubeApiCall[] = [
  { apiGroup: '', resource: 'namespaces', verb: 'list' },
  { apiGroup: '', resource: 'pods', verb: 'list' },
  { apiGroup: 'apps', resource: 'replicasets', verb: 'get' },
  { apiGroup: 'batch', resource: 'jobs', verb: 'get' },
  { apiGroup: '', resource: 'serviceaccounts', verb: 'get' },
  { apiGroup: '', resource: 'secrets', verb: 'get' },
];

/** Reads what the inventory needs from a cluster. */
export interface KubeReader {
  listNamespaces(): Promise<string[]>;
  /** Pods of one namespace, or of all when `namespace` is undefined. */
  listPods(namespace?: string): Promise<Pod[]>;
  getReplicaSet(namespace: string, name: string): Promise<ObjectMeta | undefined>;
  getJob(namespace: string, name: string): Promise<ObjectMeta | undefined>;
  /** The names of a service account's image pull secrets; undefined when there is no such account. */
  getServiceAccountPullSecrets(namespace: string, name: string): Promise<string[] | undefined>;
  getSecret(namespace: string, name: string): Promise<Secret | undefined>;
}

/** Items per page: the apiserver's own default for kubectl, small enough to keep each response bounded. */
const PAGE_SIZE = 500;

/** A reader over client-node. `where` names the cluster in messages (kubeconfig and context). */
export function createKubeReader(config: KubeConfig, where: string): KubeReader {
  const shared = withSharedConnections(config);
  const core = shared.makeApiClient(CoreV1Api);
  const apps = shared.makeApiClient(AppsV1Api);
  const batch = shared.makeApiClient(BatchV1Api);
  const server = config.getCurrentCluster()?.server ?? '(unknown server)';
  const fail = (error: unknown, what: string) => kubeError(error, what, server, where);

  async function get<T>(what: string, schema: z.ZodType<T>, call: () => Promise<unknown>): Promise<T | undefined> {
    try {
      return schema.parse(await call());
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw fail(error, what);
    }
  }

  return {
    async listNamespaces() {
      const items = await pagedList('namespaces', fail, (page) => core.listNamespace(page));
      return items.map((item) => ownedObjectSchema.parse(item).metadata.name);
    },
    async listPods(namespace) {
      const what = namespace ? `pods in namespace ${namespace}` : 'pods in all namespaces';
      const items = await pagedList(what, fail, (page) =>
        namespace ? core.listNamespacedPod({ namespace, ...page }) : core.listPodForAllNamespaces(page),
      );
      return items.map((item) => podSchema.parse(item));
    },
    async getReplicaSet(namespace, name) {
      const what = `replicaset ${namespace}/${name}`;
      return (await get(what, ownedObjectSchema, () => apps.readNamespacedReplicaSet({ namespace, name })))?.metadata;
    },
    async getJob(namespace, name) {
      const what = `job ${namespace}/${name}`;
      return (await get(what, ownedObjectSchema, () => batch.readNamespacedJob({ namespace, name })))?.metadata;
    },
    async getServiceAccountPullSecrets(namespace, name) {
      const what = `serviceaccount ${namespace}/${name}`;
      const account = await get(what, serviceAccountSchema, () =>
        core.readNamespacedServiceAccount({ namespace, name }),
      );
      if (!account) return undefined;
      return (account.imagePullSecrets ?? []).flatMap((ref) => (ref.name ? [ref.name] : []));
    },
    async getSecret(namespace, name) {
      return get(`secret ${namespace}/${name}`, secretSchema, () => core.readNamespacedSecret({ namespace, name }));
    },
  };
}

/** How long one connection pool serves a reader before a new one picks up rotated client credentials. */
const POOL_MS = 5 * 60_000;

/**
 * client-node 2.0 gives every request a new undici Agent, so every call opens (and leaves open) a new TLS connection:
 * 40 reads, 40 handshakes. The reader's clients share one Agent instead, renewed every few minutes (a client
 * certificate from an exec plugin may rotate); a replaced Agent closes once its requests are done.
 */
function withSharedConnections(config: KubeConfig): KubeConfig {
  let pool: { dispatcher: Dispatcher; since: number } | undefined;
  const apply = config.applySecurityAuthentication.bind(config);
  const shared: KubeConfig = Object.create(config);
  shared.applySecurityAuthentication = async (context: RequestContext) => {
    await apply(context);
    const fresh = context.getDispatcher();
    if (!fresh) return;
    if (!pool || Date.now() - pool.since > POOL_MS) {
      void pool?.dispatcher.close().catch(() => undefined);
      pool = { dispatcher: fresh, since: Date.now() };
      return;
    }
    void fresh.close().catch(() => undefined);
    context.setDispatcher(pool.dispatcher);
  };
  return shared;
}

type Page = { limit?: number; _continue?: string };

/**
 * Lists page by page. When the continue token expires (410 Gone: the list took longer than the apiserver keeps
 * history), it starts again with one unpaged list, as client-go's pager does.
 */
async function pagedList(
  what: string,
  fail: (error: unknown, what: string) => LucentError,
  call: (page: Page) => Promise<{ items: unknown[]; metadata?: { _continue?: string } | undefined }>,
): Promise<unknown[]> {
  const items: unknown[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await call({ limit: PAGE_SIZE, ...(token ? { _continue: token } : {}) });
      items.push(...page.items);
      token = page.metadata?._continue || undefined;
    } while (token);
    return items;
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 410)) throw fail(error, what);
  }
  try {
    return (await call({})).items;
  } catch (error) {
    throw fail(error, what);
  }
}

/** Turns a client-node failure into a catalogue error that names the cluster and what was being read. */
export function kubeError(error: unknown, what: string, server: string, where: string): LucentError {
  if (error instanceof LucentError) return error;
  if (error instanceof ApiException) {
    const message = statusMessage(error.body) ?? `HTTP ${error.code}`;
    if (error.code === 401) {
      return new LucentError('E_KUBE_DENIED', `the Kubernetes API at ${server} refused our credentials (${where})`, {
        hint: 'the token or client certificate is wrong or expired; refresh the kubeconfig',
        cause: error,
      });
    }
    if (error.code === 403) {
      return new LucentError('E_KUBE_DENIED', `not allowed to read ${what}: ${message}`, {
        hint: 'grant the ClusterRole in deploy/base/rbac.yaml (see docs/runtime.md#rbac)',
        cause: error,
      });
    }
    return new LucentError('E_KUBE_API', `the Kubernetes API at ${server} failed to read ${what}: ${message}`, {
      hint: error.code >= 500 ? 'the API server is failing; try again later' : 'check the request and the cluster',
      cause: error,
    });
  }
  const reason = networkReason(error);
  if (error instanceof Error && error.name === 'ZodError') {
    return new LucentError('E_KUBE_API', `the Kubernetes API at ${server} sent a malformed ${what}: ${error.message}`, {
      cause: error,
    });
  }
  return new LucentError('E_KUBE_UNREACHABLE', `cannot reach the Kubernetes API at ${server} (${where}): ${reason}`, {
    hint: 'check the server address and certificate in the kubeconfig, and that the cluster is up',
    cause: error,
  });
}

/** The `message` of a Kubernetes `Status` body, given as an object or as JSON text. */
function statusMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.slice(0, 300) || undefined;
    }
  }
  const message = (value as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The innermost cause of a fetch failure: ECONNREFUSED, a TLS verification error, a DNS failure. */
function networkReason(error: unknown): string {
  let current: unknown = error;
  let reason = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    reason = typeof code === 'string' ? `${code}: ${current.message}` : current.message;
    current = current.cause;
  }
  return reason;
}
