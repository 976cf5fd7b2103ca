/**
 * The object store behind the test Kubernetes API server: the resources it serves (with their real paths, kinds and
 * scopes), objects with a global resourceVersion counter as etcd keeps it, list snapshots for `limit`/`continue`
 * paging, compaction (which expires continue tokens with 410 Gone), and label/field selectors with the API's grammar.
 * Semantics: https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
 */

/** A Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A resource the server knows: where it lives and what it is called. */
export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

/** Every resource served, with the group/version Kubernetes 1.32 serves it at. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true },
  {
    group: '',
    version: 'v1',
    resource: 'serviceaccounts',
    singular: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
  },
  { group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true },
  { group: 'batch', version: 'v1', resource: 'jobs', singular: 'job', kind: 'Job', namespaced: true },
  { group: 'batch', version: 'v1', resource: 'cronjobs', singular: 'cronjob', kind: 'CronJob', namespaced: true },
];

/** The `apiVersion` of a resource type. */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** One page of a list, as the API returns it. */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Why a list could not be served. */
export type ListError = { code: 400; message: string } | { code: 410; message: string; continueToken?: string };

interface Snapshot {
  rv: number;
  items: KubeObject[];
}

/** The objects, by resource type, with etcd-like revisions. */
export class FakeKubeStore {
  private revision = 1;
  private compactedRevision = 0;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  /** List results kept for continue tokens, keyed by `revision|query`. */
  private readonly snapshots = new Map<string, Snapshot>();

  /** The current revision, as a string like the API's resourceVersion. */
  get resourceVersion(): string {
    return String(this.revision);
  }

  /** Creates or replaces an object; it gets a new resourceVersion (and a uid and creation time when new). */
  put(input: KubeObject): KubeObject {
    const type = typeOfKind(input.kind);
    const object = structuredClone(input);
    if (type.namespaced && !object.metadata.namespace) object.metadata.namespace = 'default';
    if (!type.namespaced) delete object.metadata.namespace;
    const key = keyOf(object);
    const existing = this.bucket(type).get(key);
    this.revision += 1;
    object.metadata.uid ??= existing?.metadata.uid ?? uidFor(this.revision);
    object.metadata.creationTimestamp ??= existing?.metadata.creationTimestamp ?? '2025-01-01T00:00:00Z';
    object.metadata.resourceVersion = String(this.revision);
    this.bucket(type).set(key, object);
    return object;
  }

  /** Deletes an object; true when it existed. */
  remove(kind: string, namespace: string | undefined, name: string): boolean {
    const type = typeOfKind(kind);
    const removed = this.bucket(type).delete(type.namespaced ? `${namespace}/${name}` : name);
    if (removed) this.revision += 1;
    return removed;
  }

  /** One object, or undefined. */
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(type).get(type.namespaced ? `${namespace}/${name}` : name);
  }

  /**
   * Drops list history as etcd compaction does: continue tokens issued before now answer 410 Gone.
   */
  compact(): void {
    this.compactedRevision = this.revision;
    this.snapshots.clear();
  }

  /** Lists objects in key order (namespace/name), filtered, one page at a time. */
  list(
    type: ResourceType,
    namespace: string | undefined,
    query: { limit?: number; continueToken?: string; labelSelector?: string; fieldSelector?: string },
  ): ListPage | ListError {
    const selectors = `${type.resource}|${namespace ?? ''}|${query.labelSelector ?? ''}|${query.fieldSelector ?? ''}`;
    let snapshot: Snapshot;
    let start = '';
    if (query.continueToken) {
      const token = decodeContinue(query.continueToken);
      if (!token) return { code: 400, message: `continue key is not valid: ${query.continueToken}` };
      const kept = this.snapshots.get(`${token.rv}|${selectors}`);
      if (token.rv <= this.compactedRevision || !kept) {
        return {
          code: 410,
          message:
            'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
        };
      }
      snapshot = kept;
      start = token.start;
    } else {
      const label = parseLabelSelector(query.labelSelector ?? '');
      if ('error' in label) return { code: 400, message: label.error };
      const field = parseFieldSelector(query.fieldSelector ?? '');
      if ('error' in field) return { code: 400, message: field.error };
      const items = [...this.bucket(type).entries()]
        .filter(([key]) => !namespace || key.startsWith(`${namespace}/`))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, object]) => object)
        .filter((object) => label.matches(object.metadata.labels ?? {}) && field.matches(object));
      snapshot = { rv: this.revision, items };
      if (query.limit) this.snapshots.set(`${snapshot.rv}|${selectors}`, snapshot);
    }
    const remaining = snapshot.items.filter((object) => keyOf(object) > start);
    const page = query.limit ? remaining.slice(0, query.limit) : remaining;
    const rest = remaining.length - page.length;
    const last = page.at(-1);
    return {
      items: page.map((object) => structuredClone(object)),
      resourceVersion: String(snapshot.rv),
      ...(rest > 0 && last
        ? { continueToken: encodeContinue(snapshot.rv, `${keyOf(last)}\u0000`), remainingItemCount: rest }
        : {}),
    };
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    let bucket = this.objects.get(type.resource);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(type.resource, bucket);
    }
    return bucket;
  }
}

/** The resource type of a kind, or an error for a kind the server does not serve. */
export function typeOfKind(kind: string): ResourceType {
  const type = RESOURCE_TYPES.find((candidate) => candidate.kind === kind);
  if (!type) throw new Error(`the test API server does not serve kind ${kind}`);
  return type;
}

function keyOf(object: KubeObject): string {
  return object.metadata.namespace ? `${object.metadata.namespace}/${object.metadata.name}` : object.metadata.name;
}

function uidFor(revision: number): string {
  const hex = revision.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** The apiserver's token: base64 of `{"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}`. */
function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; start: string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; rv?: unknown };
    const { start } = parsed as { start?: unknown };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof start !== 'string') return undefined;
    return { rv: parsed.rv, start };
  } catch {
    return undefined;
  }
}

type Matcher<T> = { matches: (value: T) => boolean } | { error: string };

/**
 * Label selectors: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, comma-separated (AND).
 * Grammar: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export function parseLabelSelector(text: string): Matcher<Record<string, string>> {
  const requirements: ((labels: Record<string, string>) => boolean)[] = [];
  for (const part of splitOutsideParens(text)) {
    const term = part.trim();
    if (!term) continue;
    const set = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (set) {
      const [, key = '', op, list = ''] = set;
      const values = new Set(list.split(',').map((value) => value.trim()));
      requirements.push(op === 'in' ? (l) => values.has(l[key] ?? '\u0000') : (l) => !values.has(l[key] ?? '\u0000'));
      continue;
    }
    const compare = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
    if (compare) {
      const [, key = '', op, value] = compare;
      requirements.push(op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value);
      continue;
    }
    const exists = /^(!?)([\w./-]+)$/.exec(term);
    if (exists) {
      const [, not, key = ''] = exists;
      requirements.push(not ? (l) => !(key in l) : (l) => key in l);
      continue;
    }
    return { error: `unable to parse requirement: found '${term}', expected: identifier` };
  }
  return { matches: (labels) => requirements.every((requirement) => requirement(labels)) };
}

/** Field selectors on the fields every resource supports: metadata.name and metadata.namespace. */
function parseFieldSelector(text: string): Matcher<KubeObject> {
  const requirements: ((object: KubeObject) => boolean)[] = [];
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    const field = match?.[1];
    if (!match || (field !== 'metadata.name' && field !== 'metadata.namespace')) {
      return { error: `field label not supported: ${field ?? part}` };
    }
    const value = match[3];
    const read = (object: KubeObject) =>
      field === 'metadata.name' ? object.metadata.name : (object.metadata.namespace ?? '');
    requirements.push(match[2] === '!=' ? (o) => read(o) !== value : (o) => read(o) === value);
  }
  return { matches: (object) => requirements.every((requirement) => requirement(object)) };
}

function splitOutsideParens(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}
