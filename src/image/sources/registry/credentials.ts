/**
 * Where registry credentials come from, first match wins: flags, then `LUCENT_REGISTRY_*` environment variables,
 * then the Docker config file (its inline `auths`, `credHelpers` and `credsStore`). Nothing found means anonymous.
 * Each result says where it came from, so an auth error can tell the user which credentials were refused.
 */
import { LucentError } from '../../../core/errors.ts';
import { runCredentialHelper } from './credential-helper.ts';
import { dockerConfigPath, findDockerCredential, readDockerConfig } from './docker-config.ts';

/** Credentials for one registry, and a human description of their source. */
export type Credentials =
  | { kind: 'basic'; username: string; password: string; source: string }
  /** An OAuth 2 refresh token, exchanged at the token server for access tokens. */
  | { kind: 'identity-token'; token: string; username?: string; source: string }
  /** A bearer token sent to the registry as is. */
  | { kind: 'registry-token'; token: string; source: string }
  | { kind: 'anonymous'; source: string };

/** What the user gave us to find credentials with. */
export interface CredentialOptions {
  username?: string | undefined;
  password?: string | undefined;
  registryToken?: string | undefined;
  dockerConfigPath?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** Resolves the credentials for `registry` (as written in the reference, e.g. `docker.io`, `localhost:5000`). */
export async function resolveCredentials(registry: string, options: CredentialOptions): Promise<Credentials> {
  const fromFlags = explicitCredentials(
    { username: options.username, password: options.password, token: options.registryToken },
    { pair: 'flags --username/--password', token: 'flag --registry-token' },
  );
  if (fromFlags) return fromFlags;

  const { env } = options;
  const fromEnv = explicitCredentials(
    {
      username: env.LUCENT_REGISTRY_USERNAME,
      password: env.LUCENT_REGISTRY_PASSWORD,
      token: env.LUCENT_REGISTRY_TOKEN,
    },
    {
      pair: 'environment variables LUCENT_REGISTRY_USERNAME/LUCENT_REGISTRY_PASSWORD',
      token: 'environment variable LUCENT_REGISTRY_TOKEN',
    },
  );
  if (fromEnv) return fromEnv;

  const path = dockerConfigPath(env, options.dockerConfigPath);
  const fromDocker = await dockerConfigCredentials(registry, path, env);
  if (fromDocker) return fromDocker;
  return {
    kind: 'anonymous',
    source: `no credentials (checked --username/--password, --registry-token, LUCENT_REGISTRY_* and ${path})`,
  };
}

function explicitCredentials(
  given: { username?: string | undefined; password?: string | undefined; token?: string | undefined },
  names: { pair: string; token: string },
): Credentials | undefined {
  const { username, password, token } = given;
  if (!username && !password && !token) return undefined;
  if (token && (username || password)) {
    throw new LucentError(
      'E_USAGE',
      `both a username/password and a registry token were given (${names.pair}, ${names.token})`,
      {
        hint: 'give one or the other',
      },
    );
  }
  if (token) return { kind: 'registry-token', token, source: names.token };
  if (!username || !password) {
    throw new LucentError('E_USAGE', `a registry ${username ? 'password' : 'username'} is missing (${names.pair})`, {
      hint: 'give both the username and the password',
    });
  }
  return { kind: 'basic', username, password, source: names.pair };
}

async function dockerConfigCredentials(
  registry: string,
  path: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  const config = await readDockerConfig(path);
  if (!config) return undefined;
  const found = findDockerCredential(config, registry, path);
  if (!found) return undefined;
  if (found.kind !== 'helper') {
    const source = `Docker config ${path} (auths["${found.key}"])`;
    if (found.kind === 'basic') return { kind: 'basic', username: found.username, password: found.password, source };
    if (found.kind === 'registry-token') return { kind: 'registry-token', token: found.token, source };
    return {
      kind: 'identity-token',
      token: found.token,
      ...(found.username ? { username: found.username } : {}),
      source,
    };
  }
  const where = found.via === 'credHelpers' ? `credHelpers["${found.key}"]` : 'credsStore';
  const source = `credential helper docker-credential-${found.helper} (${where} in ${path})`;
  const credential = await runCredentialHelper(found.helper, found.serverUrl, env);
  // A helper without an entry for this server means anonymous access, as with `docker pull`.
  if (!credential) return { kind: 'anonymous', source: `no credentials (${source} has none for ${found.serverUrl})` };
  if (credential.kind === 'identity-token') return { kind: 'identity-token', token: credential.token, source };
  return { kind: 'basic', username: credential.username, password: credential.password, source };
}
