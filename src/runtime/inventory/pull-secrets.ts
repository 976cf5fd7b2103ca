/**
 * Image pull secrets as registry credentials. Kubernetes stores them as `kubernetes.io/dockerconfigjson` (a Docker
 * config file, `{"auths":{…}}`) or the legacy `kubernetes.io/dockercfg` (the bare `auths` map of `~/.dockercfg`).
 * https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets
 * Only inline credentials are used: a `credHelpers`/`credsStore` entry in a secret would run a program on the
 * scanner's host, so it is dropped. Keys are matched by host as Docker does (scheme and path ignored); kubelet's
 * wildcard keys (`*.example.com`) and path-scoped keys (`registry/team`) are not matched.
 */
import { findDockerCredential } from '../../image/sources/registry/docker-config.ts';
import { type DockerConfigFile, dockerConfigFileSchema } from '../../image/sources/registry/schema.ts';
import type { Secret } from './kube-schema.ts';

/** Credentials for one registry, from one pull secret. */
export type PullCredential =
  | { kind: 'basic'; username: string; password: string; source: string }
  | { kind: 'registry-token'; token: string; source: string };

/** A pull secret, parsed: where it came from and the Docker config it holds. */
export interface PullSecret {
  /** `namespace/name`. */
  key: string;
  config: DockerConfigFile;
}

/** The secret types kubelet reads pull credentials from. */
export const DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson';
const DOCKER_CFG = 'kubernetes.io/dockercfg';

/** Parses a pull secret; a problem is returned as a message, never thrown (one bad secret must not stop a scan). */
export function parsePullSecret(secret: Secret): PullSecret | { key: string; problem: string } {
  const key = `${secret.metadata.namespace ?? ''}/${secret.metadata.name}`;
  const type = secret.type ?? '';
  const field = type === DOCKER_CONFIG_JSON ? '.dockerconfigjson' : type === DOCKER_CFG ? '.dockercfg' : undefined;
  if (!field) return { key, problem: `secret ${key} is of type "${type}", not a pull secret; ignored` };
  const encoded = secret.data?.[field];
  if (!encoded) return { key, problem: `secret ${key} has no "${field}" entry; ignored` };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch (error) {
    return { key, problem: `secret ${key}: "${field}" is not JSON (${(error as Error).message}); ignored` };
  }
  const config = dockerConfigFileSchema.safeParse(type === DOCKER_CFG ? { auths: json } : json);
  if (!config.success) return { key, problem: `secret ${key}: "${field}" is not a Docker config; ignored` };
  const { credHelpers: _helpers, credsStore: _store, ...inline } = config.data;
  return { key, config: inline };
}

/**
 * The credentials the secrets hold for `registry` (as written in references: `docker.io`, `host:port`), in the
 * secrets' order, without repeats. Entries that cannot be used are returned as problems.
 */
export function credentialsFor(
  registry: string,
  secrets: readonly PullSecret[],
): { credentials: PullCredential[]; problems: string[] } {
  const credentials: PullCredential[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const secret of secrets) {
    let found: ReturnType<typeof findDockerCredential>;
    try {
      found = findDockerCredential(secret.config, registry, `secret ${secret.key}`);
    } catch (error) {
      // The Docker config reader names the file; here the "file" is the secret, already named.
      const reason = (error as Error).message.replace(/^cannot use the Docker config file .*?: /, '');
      problems.push(`secret ${secret.key}: ${reason}`);
      continue;
    }
    if (!found || found.kind === 'helper') continue;
    const source = `pull secret ${secret.key} (auths["${found.key}"])`;
    let credential: PullCredential;
    if (found.kind === 'basic') {
      credential = { kind: 'basic', username: found.username, password: found.password, source };
    } else if (found.kind === 'registry-token') {
      credential = { kind: 'registry-token', token: found.token, source };
    } else {
      problems.push(`${source} holds an identity token (OAuth refresh token), which is not supported; ignored`);
      continue;
    }
    const identity = credential.kind === 'basic' ? `b:${credential.username}:${credential.password}` : credential.token;
    if (seen.has(identity)) continue;
    seen.add(identity);
    credentials.push(credential);
  }
  return { credentials, problems };
}
