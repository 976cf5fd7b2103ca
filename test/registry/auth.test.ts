/**
 * Authentication against real registries: htpasswd (Basic) and token (Bearer, via a token server the registry
 * trusts), with credentials from flags, environment variables, a Docker config file and credential helpers.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryImage, type RegistryOptions } from '../../src/image/sources/registry/index.ts';
import { fixtureImage } from '../support/fixtures.ts';
import { pushImage, type RegistryServer, startRegistry } from '../support/registry-server.ts';
import { streamedNames } from './layer-files.ts';

const OCI_GZIP = fixtureImage('dive/dive-test-oci-gzip-image.tar');
const MANIFEST = 'sha256:7d255e9e3d216a9a92a5c1ce0563a5ddd92f28a34a9df025d3cf8dfa5ea08366';
const USER = 'lucent';
const PASSWORD = 's3cret-pass';
const SCOPE = 'repository:dive/gzip:pull';
const b64 = (text: string) => Buffer.from(text).toString('base64');

let home: string;
let bin: string;
/** An environment with no credentials and an empty home, so the developer's own Docker login never leaks in. */
let cleanEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lucent-auth-home-'));
  bin = join(home, 'bin');
  await mkdir(bin);
  // A credential helper that knows one server; it logs what it was asked, as helpers read the URL from stdin.
  await writeFile(
    join(bin, 'docker-credential-lucenttest'),
    `#!/bin/sh
read -r server
echo "$1 $server" >> "${home}/helper.log"
if [ "$server" = "$LUCENT_TEST_HELPER_SERVER" ]; then
  printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$server"
else
  echo "credentials not found in native keychain"
  exit 1
fi
`,
  );
  await writeFile(join(bin, 'docker-credential-broken'), '#!/bin/sh\necho "keychain is locked" >&2\nexit 3\n');
  await chmod(join(bin, 'docker-credential-lucenttest'), 0o755);
  await chmod(join(bin, 'docker-credential-broken'), 0o755);
  cleanEnv = { PATH: `${bin}:${process.env.PATH}`, HOME: home };
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

async function readImage(reference: string, options: RegistryOptions): Promise<{ digest?: string; names: string[][] }> {
  const image = await openRegistryImage(reference, { env: cleanEnv, ...options });
  try {
    return { digest: image.manifest?.digest, names: await streamedNames(image) };
  } finally {
    await image.close();
  }
}

async function writeDockerConfig(name: string, config: unknown): Promise<string> {
  const path = join(home, `${name}.json`);
  await writeFile(path, JSON.stringify(config));
  return path;
}

const WORKS = { digest: MANIFEST, names: [['README.md']] };

describe('htpasswd registry (Basic)', () => {
  let registry: RegistryServer;
  let reference: string;
  let noCredentials: string;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd' });
    reference = `${registry.host}/dive/gzip:oci`;
    await pushImage(`oci-archive:${OCI_GZIP}`, reference, { format: 'oci', creds: `${USER}:${PASSWORD}` });
    noCredentials = `no credentials (checked --username/--password, --registry-token, LUCENT_REGISTRY_* and ${home}/.docker/config.json)`;
  });
  afterAll(async () => registry?.stop());

  it('reads with --username/--password', async () => {
    expect(await readImage(reference, { username: USER, password: PASSWORD })).toEqual(WORKS);
  });

  it('reads with LUCENT_REGISTRY_USERNAME/PASSWORD', async () => {
    const env = { ...cleanEnv, LUCENT_REGISTRY_USERNAME: USER, LUCENT_REGISTRY_PASSWORD: PASSWORD };
    expect(await readImage(reference, { env })).toEqual(WORKS);
  });

  it('refuses anonymous access, saying what was checked', async () => {
    await expect(readImage(reference, {})).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      // Basic needs a password: with none, Lucent does not ask again, so there is no error body to quote.
      message: `registry ${registry.host} denied access to ${reference} (HTTP 401); credentials tried: ${noCredentials}`,
      hint: `the repository may be private (or, on Docker Hub, not exist): log in with \`docker login ${registry.host}\`, or pass --username and --password (or LUCENT_REGISTRY_USERNAME/PASSWORD)`,
    });
  });

  it('refuses a wrong password, naming the source of the credentials', async () => {
    await expect(readImage(reference, { username: USER, password: 'wrong' })).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message: `registry ${registry.host} denied access to ${reference} (HTTP 401, UNAUTHORIZED: authentication required); credentials tried: flags --username/--password`,
    });
  });

  it('flags win over the environment', async () => {
    const env = { ...cleanEnv, LUCENT_REGISTRY_USERNAME: USER, LUCENT_REGISTRY_PASSWORD: 'wrong' };
    expect(await readImage(reference, { env, username: USER, password: PASSWORD })).toEqual(WORKS);
  });
});

describe('token registry (Bearer)', () => {
  let registry: RegistryServer;
  let reference: string;
  let realmHost: string;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', token: { refreshTokens: { 'refresh-abc': USER } } });
    reference = `${registry.host}/dive/gzip:oci`;
    realmHost = new URL(registry.tokenServer?.realm as string).host;
    await pushImage(`oci-archive:${OCI_GZIP}`, reference, { format: 'oci', creds: `${USER}:${PASSWORD}` });
  });
  afterAll(async () => registry?.stop());

  /** Token requests made while running `read`. */
  async function tokenRequests<T>(read: () => Promise<T>): Promise<{ result: T; requests: unknown[] }> {
    const log = registry.tokenServer?.requests ?? [];
    const before = log.length;
    const result = await read();
    return { result, requests: log.slice(before) };
  }

  it('reads with flags, fetching one token for the whole image', async () => {
    const { result, requests } = await tokenRequests(() =>
      readImage(reference, { username: USER, password: PASSWORD }),
    );
    expect(result).toEqual(WORKS);
    expect(requests).toEqual([{ method: 'GET', account: USER, scopes: [SCOPE], status: 200 }]);
  });

  it('accepts a token server that sends only access_token', async () => {
    registry.tokenServer?.configure({ tokenField: 'access_token' });
    try {
      expect(await readImage(reference, { username: USER, password: PASSWORD })).toEqual(WORKS);
    } finally {
      registry.tokenServer?.configure({ tokenField: 'both' });
    }
  });

  it('fetches a new token once the cached one is about to expire', async () => {
    // Tokens are dropped 5 s before they expire: a 6 s token is reused for 1 s only.
    registry.tokenServer?.configure({ expiresInSeconds: 6 });
    try {
      const { requests } = await tokenRequests(async () => {
        const image = await openRegistryImage(reference, { env: cleanEnv, username: USER, password: PASSWORD });
        try {
          expect(await streamedNames(image)).toEqual([['README.md']]);
          await new Promise((resolve) => setTimeout(resolve, 1200));
          expect(await streamedNames(image)).toEqual([['README.md']]);
        } finally {
          await image.close();
        }
      });
      const grant = { method: 'GET', account: USER, scopes: [SCOPE], status: 200 };
      expect(requests).toEqual([grant, grant]);
    } finally {
      registry.tokenServer?.configure({ expiresInSeconds: 300 });
    }
  });

  it('reads with the environment variables', async () => {
    const env = { ...cleanEnv, LUCENT_REGISTRY_USERNAME: USER, LUCENT_REGISTRY_PASSWORD: PASSWORD };
    expect(await readImage(reference, { env })).toEqual(WORKS);
  });

  it('reads with a registry token, sent as is', async () => {
    const token = registry.tokenServer?.issue(USER, [SCOPE]) as string;
    const { result, requests } = await tokenRequests(() => readImage(reference, { registryToken: token }));
    expect(result).toEqual(WORKS);
    expect(requests).toEqual([]);
  });

  it('reads with auths from a Docker config file (explicit path and $DOCKER_CONFIG)', async () => {
    const config = { auths: { [registry.host]: { auth: b64(`${USER}:${PASSWORD}`) } } };
    const path = await writeDockerConfig('auths', config);
    expect(await readImage(reference, { dockerConfigPath: path })).toEqual(WORKS);

    const dir = join(home, 'docker-config-dir');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    const { result, requests } = await tokenRequests(() =>
      readImage(reference, { env: { ...cleanEnv, DOCKER_CONFIG: dir } }),
    );
    expect(result).toEqual(WORKS);
    expect(requests).toEqual([{ method: 'GET', account: USER, scopes: [SCOPE], status: 200 }]);
  });

  it('exchanges an identity token from the Docker config at the token server', async () => {
    const path = await writeDockerConfig('identity', { auths: { [registry.host]: { identitytoken: 'refresh-abc' } } });
    const { result, requests } = await tokenRequests(() => readImage(reference, { dockerConfigPath: path }));
    expect(result).toEqual(WORKS);
    expect(requests).toEqual([{ method: 'POST', account: USER, scopes: [SCOPE], status: 200 }]);
  });

  it('asks the credHelpers helper, passing the registry host on stdin', async () => {
    const path = await writeDockerConfig('helpers', {
      auths: { [registry.host]: {} },
      credHelpers: { [registry.host]: 'lucenttest' },
    });
    await rm(join(home, 'helper.log'), { force: true });
    const env = { ...cleanEnv, LUCENT_TEST_HELPER_SERVER: registry.host };
    expect(await readImage(reference, { dockerConfigPath: path, env })).toEqual(WORKS);
    expect(await readFile(join(home, 'helper.log'), 'utf8')).toBe(`get ${registry.host}\n`);
  });

  it('treats "credentials not found" from credsStore as anonymous', async () => {
    const path = await writeDockerConfig('store', { credsStore: 'lucenttest' });
    const env = { ...cleanEnv, LUCENT_TEST_HELPER_SERVER: 'some-other-host' };
    await expect(readImage(reference, { dockerConfigPath: path, env })).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message:
        `registry ${registry.host} denied access to ${reference} (HTTP 401, UNAUTHORIZED: authentication required); ` +
        `credentials tried: no credentials (credential helper docker-credential-lucenttest (credsStore in ${path}) ` +
        `has none for ${registry.host})`,
    });
  });

  it.each([
    ['missing', 'credential helper "missing" failed: docker-credential-missing was not found on PATH'],
    [
      'broken',
      'credential helper "broken" failed: docker-credential-broken get exited with code 3: keychain is locked',
    ],
  ])('reports a %s helper as E_CREDENTIAL_HELPER', async (helper, message) => {
    const path = await writeDockerConfig(`helper-${helper}`, { credHelpers: { [registry.host]: helper } });
    await expect(readImage(reference, { dockerConfigPath: path })).rejects.toMatchObject({
      code: 'E_CREDENTIAL_HELPER',
      message,
    });
  });

  it('refuses anonymous access', async () => {
    await expect(readImage(reference, {})).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message:
        `registry ${registry.host} denied access to ${reference} (HTTP 401, UNAUTHORIZED: authentication required); ` +
        `credentials tried: no credentials (checked --username/--password, --registry-token, LUCENT_REGISTRY_* and ${home}/.docker/config.json)`,
    });
  });

  it('reports a password the token server refuses', async () => {
    await expect(readImage(reference, { username: USER, password: 'wrong' })).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message: `registry ${registry.host} (token server ${realmHost}) denied access to scope "${SCOPE}" (HTTP 401); credentials tried: flags --username/--password`,
    });
  });

  it('reports a registry token the registry refuses', async () => {
    await expect(readImage(reference, { registryToken: 'not-a-jwt' })).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message: `registry ${registry.host} denied access to ${reference} (HTTP 401, UNAUTHORIZED: authentication required); credentials tried: flag --registry-token`,
    });
  });
});
