/**
 * Credentials from a Docker config file (`~/.docker/config.json`): inline `auths`, per-registry `credHelpers` and
 * the default `credsStore`. Format: https://docs.docker.com/reference/cli/docker/#credential-store-options
 * Lookup is pure (config in, credential or helper name out); reading the file and running helpers happen elsewhere.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LucentError } from '../../../core/errors.ts';
import { DOCKER_HUB } from './reference.ts';
import { type DockerConfigFile, dockerConfigFileSchema } from './schema.ts';

/** What a Docker config file holds for one registry. */
export type DockerConfigCredential =
  | { kind: 'basic'; key: string; username: string; password: string }
  | { kind: 'identity-token'; key: string; username?: string; token: string }
  | { kind: 'registry-token'; key: string; token: string }
  | { kind: 'helper'; key?: string; helper: string; serverUrl: string; via: 'credHelpers' | 'credsStore' };

/** The key `docker login` uses for Docker Hub, and the server URL its credential helpers expect. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_KEYS = [DOCKER_HUB_AUTH_KEY, 'index.docker.io', DOCKER_HUB, 'registry-1.docker.io'];

/** Where the Docker config file is: an explicit path, else `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv, explicit?: string): string {
  if (explicit) return explicit;
  if (env.DOCKER_CONFIG) return join(env.DOCKER_CONFIG, 'config.json');
  return join(env.HOME || homedir(), '.docker', 'config.json');
}

/** Reads and validates a Docker config file; undefined when there is none. */
export async function readDockerConfig(path: string): Promise<DockerConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw badConfig(path, (error as Error).message, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw badConfig(path, `not valid JSON (${(error as Error).message})`, error);
  }
  const parsed = dockerConfigFileSchema.safeParse(json);
  if (!parsed.success) throw badConfig(path, parsed.error.issues.map(formatIssue).join('; '));
  return parsed.data;
}

/** The `auths`/`credHelpers` keys that can name a registry, most specific first. */
export function registryKeys(registry: string): string[] {
  if (registry === DOCKER_HUB) return DOCKER_HUB_KEYS;
  return [registry, `https://${registry}`, `http://${registry}`];
}

/**
 * Finds what a Docker config says about a registry. Order: `credHelpers[registry]` (as Docker does), then an
 * `auths` entry that holds credentials, then `credsStore`. An `auths` entry with credentials is used even when a
 * `credsStore` is set, since someone wrote them there on purpose (CI jobs often do).
 */
export function findDockerCredential(
  config: DockerConfigFile,
  registry: string,
  path: string,
): DockerConfigCredential | undefined {
  const serverUrl = registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry;
  const helperKey = findKey(config.credHelpers ?? {}, registry);
  if (helperKey !== undefined) {
    const helper = config.credHelpers?.[helperKey] as string;
    return { kind: 'helper', key: helperKey, helper, serverUrl, via: 'credHelpers' };
  }
  const authKey = findKey(config.auths ?? {}, registry);
  const entry = authKey === undefined ? undefined : config.auths?.[authKey];
  if (authKey !== undefined && entry) {
    const decoded = entry.auth ? decodeAuth(entry.auth, path, authKey) : undefined;
    const username = entry.username || decoded?.username;
    const password = entry.password || decoded?.password;
    if (entry.identitytoken) {
      return { kind: 'identity-token', key: authKey, token: entry.identitytoken, ...(username ? { username } : {}) };
    }
    if (entry.registrytoken) return { kind: 'registry-token', key: authKey, token: entry.registrytoken };
    if (username && password) return { kind: 'basic', key: authKey, username, password };
  }
  if (config.credsStore) {
    return { kind: 'helper', helper: config.credsStore, serverUrl, via: 'credsStore' };
  }
  return undefined;
}

/** The first key of `record` that names `registry`: exactly, else after dropping a scheme and a path. */
function findKey(record: Record<string, unknown>, registry: string): string | undefined {
  const keys = registryKeys(registry);
  const exact = keys.find((key) => Object.hasOwn(record, key));
  if (exact !== undefined) return exact;
  const hosts = new Set(keys.map(keyHost));
  return Object.keys(record).find((key) => hosts.has(keyHost(key)));
}

/** `https://host:5000/v1/` → `host:5000`, as Docker's ConvertToHostname does. */
function keyHost(key: string): string {
  const withoutScheme = key.replace(/^[a-z]+:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  return (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase();
}

/** `auth` is base64 of `username:password`; the password may itself contain colons. */
function decodeAuth(auth: string, path: string, key: string): { username: string; password: string } {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) throw badConfig(path, `auths["${key}"].auth is not base64 of "username:password"`);
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

function formatIssue(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
}

function badConfig(path: string, reason: string, cause?: unknown): LucentError {
  return new LucentError('E_USAGE', `cannot use the Docker config file ${path}: ${reason}`, {
    hint: 'fix or move the file, or point DOCKER_CONFIG at another directory',
    ...(cause === undefined ? {} : { cause }),
  });
}
