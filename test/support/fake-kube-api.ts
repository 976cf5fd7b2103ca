/**
 * A Kubernetes API server for tests, on 127.0.0.1 at a free port, that answers the read calls Lucent (and
 * `kubectl get`) make the way a real apiserver does: the real paths of core/v1, apps/v1 and batch/v1, List kinds with
 * `resourceVersion`, `limit`/`continue` paging with 410 Gone after compaction, label and field selectors, `Status`
 * objects for 400/401/403/404/405, bearer-token authentication and RBAC rules per token (ClusterRole rules for the
 * whole cluster, Role rules per namespace), legacy discovery and server-side Table printing for kubectl. HTTPS by
 * default, with a throw-away CA written into the kubeconfig it generates; plain HTTP on request.
 * There is no real counterpart on this machine, so this is the one fake the tests allow: keep it faithful.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { discovery, tableOf, wantsTable } from './fake-kube-discovery.ts';
import {
  apiVersionOf,
  FakeKubeStore,
  type KubeObject,
  RESOURCE_TYPES,
  type ResourceType,
  typeOfKind,
} from './fake-kube-store.ts';

export type { KubeObject } from './fake-kube-store.ts';

const run = promisify(execFile);

/** An RBAC PolicyRule, as in a ClusterRole or Role. */
export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** Who a bearer token is and what it may do. */
export interface FakeKubeUser {
  /** The user name in messages, e.g. `system:serviceaccount:lucent:lucent`. */
  name: string;
  /** Rules bound cluster-wide (ClusterRoleBinding); all of them when absent. */
  clusterRules?: RbacRule[];
  /** Rules bound in one namespace each (RoleBinding). */
  namespaceRules?: Record<string, RbacRule[]>;
}

/** How to run the server. */
export interface FakeKubeApiOptions {
  objects?: KubeObject[];
  /** Bearer token → user. Default: one token with every right. */
  users?: Record<string, FakeKubeUser>;
  /** Serve HTTPS (default true). */
  tls?: boolean;
}

/** One request the server answered. */
export interface KubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  user?: string;
}

/** A running server. */
export interface FakeKubeApi {
  url: string;
  /** The first token of `users` (or the generated one). */
  token: string;
  /** PEM of the CA that signed the server certificate (HTTPS only). */
  ca?: string;
  store: FakeKubeStore;
  requests: KubeRequest[];
  /** Called after each answered request (tests use it to compact the store between pages). */
  onRequest?: (request: KubeRequest) => void;
  /** Writes a kubeconfig for this server; each context is a name and a token (default: one context `fake`). */
  writeKubeconfig(path: string, contexts?: { name: string; token: string; namespace?: string }[]): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the server. */
export async function startFakeKubeApi(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  const users = options.users ?? { 'lucent-test-token-0123456789': { name: 'system:serviceaccount:lucent:lucent' } };
  const token = Object.keys(users)[0] ?? '';
  const store = new FakeKubeStore();
  for (const object of options.objects ?? []) store.put(object);
  const requests: KubeRequest[] = [];
  const tls = options.tls ?? true;
  const dir = await mkdtemp(join(tmpdir(), 'lucent-kube-'));
  const pki = tls ? await throwAwayPki(dir) : undefined;
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const user = authenticate(request.headers.authorization, users);
    const answer = respond(store, request, url, query, user);
    const record: KubeRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      status: answer.status,
      ...(user ? { user: user.name } : {}),
    };
    requests.push(record);
    response.writeHead(answer.status, { 'content-type': 'application/json', 'audit-id': String(requests.length) });
    response.end(JSON.stringify(answer.body));
    api.onRequest?.(record);
  };
  const server: Server = pki ? createHttpsServer({ key: pki.key, cert: pki.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const api: FakeKubeApi = {
    url,
    token,
    ...(pki ? { ca: pki.ca } : {}),
    store,
    requests,
    async writeKubeconfig(path, contexts = [{ name: 'fake', token }]) {
      const cluster = pki
        ? { server: url, 'certificate-authority-data': Buffer.from(pki.ca).toString('base64') }
        : { server: url, 'insecure-skip-tls-verify': true };
      const config = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'fake', cluster }],
        users: contexts.map((context) => ({ name: context.name, user: { token: context.token } })),
        contexts: contexts.map((context) => ({
          name: context.name,
          context: {
            cluster: 'fake',
            user: context.name,
            ...(context.namespace ? { namespace: context.namespace } : {}),
          },
        })),
        'current-context': contexts[0]?.name ?? 'fake',
      };
      await writeFile(path, stringify(config), { mode: 0o600 });
      return path;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return api;
}

interface Answer {
  status: number;
  body: unknown;
}

function authenticate(header: string | undefined, users: Record<string, FakeKubeUser>): FakeKubeUser | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ? users[match[1]] : undefined;
}

function respond(
  store: FakeKubeStore,
  request: IncomingMessage,
  url: URL,
  query: Record<string, string>,
  user: FakeKubeUser | undefined,
): Answer {
  // /version and /healthz are public (system:public-info-viewer); everything else needs a valid token.
  if (url.pathname === '/version') return { status: 200, body: VERSION };
  if (url.pathname === '/healthz' || url.pathname === '/livez') return { status: 200, body: 'ok' };
  if (!user) return status(401, 'Unauthorized', 'Unauthorized');
  const found = discovery(url.pathname, request.headers.host ?? '');
  if (found) return { status: 200, body: found };
  const route = parsePath(url.pathname);
  if (!route) return status(404, 'NotFound', 'the server could not find the requested resource', {});
  if (request.method !== 'GET') {
    return status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`, {});
  }
  if (query.watch === 'true' || query.watch === '1') {
    return status(405, 'MethodNotAllowed', 'the test API server does not serve watches', {});
  }
  const verb = route.name ? 'get' : 'list';
  if (!allowed(user, route.type, verb, route.namespace, route.name)) {
    return forbidden(user, route.type, verb, route.namespace, route.name);
  }
  const table = wantsTable(request.headers.accept);
  if (route.name) {
    const object = store.get(route.type, route.namespace, route.name);
    if (!object) {
      return status(404, 'NotFound', `${route.type.resource} "${route.name}" not found`, {
        name: route.name,
        kind: route.type.resource,
        ...(route.type.group ? { group: route.type.group } : {}),
      });
    }
    const full = { ...object, apiVersion: apiVersionOf(route.type), kind: route.type.kind };
    return { status: 200, body: table ? tableOf(route.type, [object], store.resourceVersion) : full };
  }
  const limit = query.limit ? Number(query.limit) : undefined;
  const page = store.list(route.type, route.namespace, {
    ...(limit && limit > 0 ? { limit } : {}),
    ...(query.continue ? { continueToken: query.continue } : {}),
    ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}),
    ...(query.fieldSelector ? { fieldSelector: query.fieldSelector } : {}),
  });
  if ('code' in page) {
    return page.code === 410 ? status(410, 'Expired', page.message, {}) : status(400, 'BadRequest', page.message, {});
  }
  const metadata = {
    resourceVersion: page.resourceVersion,
    ...(page.continueToken ? { continue: page.continueToken, remainingItemCount: page.remainingItemCount } : {}),
  };
  if (table) {
    const printed = tableOf(route.type, page.items, page.resourceVersion) as Record<string, unknown>;
    return { status: 200, body: { ...printed, metadata } };
  }
  // Items of a typed list carry no kind or apiVersion: the list's kind says what they are.
  const items = page.items.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest);
  return {
    status: 200,
    body: { kind: `${route.type.kind}List`, apiVersion: apiVersionOf(route.type), metadata, items },
  };
}

interface Route {
  type: ResourceType;
  namespace?: string;
  name?: string;
}

/** `/api/v1/...` and `/apis/GROUP/VERSION/...` → resource, namespace and name. */
function parsePath(path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string | undefined;
  let rest: string[];
  if (parts[0] === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    group = parts[1] ?? '';
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  const typeOf = (resource: string | undefined) =>
    RESOURCE_TYPES.find((type) => type.group === group && type.version === version && type.resource === resource);
  // /namespaces/NS/RESOURCE[/NAME] for namespaced resources; /RESOURCE[/NAME] for cluster-scoped and cluster lists.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = typeOf(rest[2]);
    if (!type?.namespaced || rest.length > 4) return undefined;
    const namespace = rest[1] as string;
    return rest[3] ? { type, namespace, name: rest[3] } : { type, namespace };
  }
  const type = typeOf(rest[0]);
  if (!type || rest.length > 2) return undefined;
  if (rest[1]) return type.namespaced ? undefined : { type, name: rest[1] };
  return { type };
}

function ruleAllows(rule: RbacRule, type: ResourceType, verb: string, name: string | undefined): boolean {
  const any = (list: string[], value: string) => list.includes('*') || list.includes(value);
  if (!any(rule.apiGroups, type.group) || !any(rule.resources, type.resource) || !any(rule.verbs, verb)) return false;
  // resourceNames never authorize a list: the apiserver cannot know the names before listing.
  if (rule.resourceNames && rule.resourceNames.length > 0)
    return name !== undefined && rule.resourceNames.includes(name);
  return true;
}

function allowed(
  user: FakeKubeUser,
  type: ResourceType,
  verb: string,
  namespace: string | undefined,
  name: string | undefined,
): boolean {
  const cluster = user.clusterRules ?? [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }];
  if (cluster.some((rule) => ruleAllows(rule, type, verb, name))) return true;
  const local = namespace ? (user.namespaceRules?.[namespace] ?? []) : [];
  return local.some((rule) => ruleAllows(rule, type, verb, name));
}

function forbidden(
  user: FakeKubeUser,
  type: ResourceType,
  verb: string,
  namespace: string | undefined,
  name: string | undefined,
): Answer {
  const what = name ? `${type.resource} "${name}"` : type.resource;
  const where = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const message = `${what} is forbidden: User "${user.name}" cannot ${verb} resource "${type.resource}" in API group "${type.group}" ${where}`;
  return status(403, 'Forbidden', message, {
    ...(name ? { name } : {}),
    ...(type.group ? { group: type.group } : {}),
    kind: type.resource,
  });
}

function status(code: number, reason: string, message: string, details?: Record<string, unknown>): Answer {
  return {
    status: code,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    },
  };
}

const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** A CA and a server certificate for 127.0.0.1 signed by it, made with openssl (EC keys: fast). */
async function throwAwayPki(dir: string): Promise<{ ca: string; key: string; cert: string }> {
  const path = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=lucent-test-kube-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', [
    'req',
    ...ec,
    '-keyout',
    path('server.key'),
    '-out',
    path('server.csr'),
    '-subj',
    '/CN=kube-apiserver',
  ]);
  await writeFile(
    path('server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n',
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    path('server.csr'),
    '-CA',
    path('ca.crt'),
    '-CAkey',
    path('ca.key'),
    '-CAcreateserial',
    '-out',
    path('server.crt'),
    '-days',
    '2',
    '-extfile',
    path('server.ext'),
  ]);
  const [ca, key, cert] = await Promise.all(
    ['ca.crt', 'server.key', 'server.crt'].map((name) => readFile(path(name), 'utf8')),
  );
  return { ca: ca as string, key: key as string, cert: cert as string };
}

/** The kind's resource type, for tests that build paths. */
export { typeOfKind };
