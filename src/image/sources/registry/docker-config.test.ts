import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerConfigPath, findDockerCredential, readDockerConfig, registryKeys } from './docker-config.ts';
import type { DockerConfigFile } from './schema.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const PATH = '/home/u/.docker/config.json';

describe('dockerConfigPath', () => {
  it.each([
    [{ HOME: '/home/u' }, undefined, '/home/u/.docker/config.json'],
    [{ HOME: '/home/u', DOCKER_CONFIG: '/etc/dk' }, undefined, '/etc/dk/config.json'],
    [{ HOME: '/home/u', DOCKER_CONFIG: '/etc/dk' }, '/x/c.json', '/x/c.json'],
  ])('%j, %s → %s', (env, explicit, expected) => {
    expect(dockerConfigPath(env, explicit)).toBe(expected);
  });
});

describe('registryKeys', () => {
  it.each([
    ['docker.io', ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']],
    ['ghcr.io', ['ghcr.io', 'https://ghcr.io', 'http://ghcr.io']],
    ['localhost:5000', ['localhost:5000', 'https://localhost:5000', 'http://localhost:5000']],
  ])('%s', (registry, keys) => {
    expect(registryKeys(registry)).toEqual(keys);
  });
});

describe('findDockerCredential', () => {
  it.each<[string, DockerConfigFile, string, unknown]>([
    ['no entry', { auths: { 'quay.io': { auth: b64('a:b') } } }, 'ghcr.io', undefined],
    ['empty file', {}, 'ghcr.io', undefined],
    [
      'auth for Docker Hub under the legacy key',
      { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:p:w') } } },
      'docker.io',
      { kind: 'basic', key: 'https://index.docker.io/v1/', username: 'hub', password: 'p:w' },
    ],
    [
      'Docker Hub under registry-1.docker.io',
      { auths: { 'registry-1.docker.io': { username: 'u', password: 'p' } } },
      'docker.io',
      { kind: 'basic', key: 'registry-1.docker.io', username: 'u', password: 'p' },
    ],
    [
      'exact key wins over a URL form',
      { auths: { 'https://ghcr.io/v2/': { auth: b64('url:x') }, 'ghcr.io': { auth: b64('exact:y') } } },
      'ghcr.io',
      { kind: 'basic', key: 'ghcr.io', username: 'exact', password: 'y' },
    ],
    [
      'URL key with a path',
      { auths: { 'https://ghcr.io/v2/': { auth: b64('url:x') } } },
      'ghcr.io',
      { kind: 'basic', key: 'https://ghcr.io/v2/', username: 'url', password: 'x' },
    ],
    [
      'host:port',
      { auths: { 'localhost:5000': { auth: b64('l:p') }, localhost: { auth: b64('no:no') } } },
      'localhost:5000',
      { kind: 'basic', key: 'localhost:5000', username: 'l', password: 'p' },
    ],
    [
      'identity token',
      { auths: { 'ghcr.io': { auth: b64('u:'), identitytoken: 'refresh' } } },
      'ghcr.io',
      { kind: 'identity-token', key: 'ghcr.io', username: 'u', token: 'refresh' },
    ],
    [
      'registry token',
      { auths: { 'ghcr.io': { registrytoken: 'bearer' } } },
      'ghcr.io',
      { kind: 'registry-token', key: 'ghcr.io', token: 'bearer' },
    ],
    [
      'credHelpers wins over auths',
      { auths: { 'ghcr.io': { auth: b64('a:b') } }, credHelpers: { 'ghcr.io': 'gh' } },
      'ghcr.io',
      { kind: 'helper', key: 'ghcr.io', helper: 'gh', serverUrl: 'ghcr.io', via: 'credHelpers' },
    ],
    [
      'credHelpers for Docker Hub get the legacy server URL',
      { credHelpers: { 'docker.io': 'hubhelper' } },
      'docker.io',
      {
        kind: 'helper',
        key: 'docker.io',
        helper: 'hubhelper',
        serverUrl: 'https://index.docker.io/v1/',
        via: 'credHelpers',
      },
    ],
    [
      'auths with credentials win over credsStore',
      { auths: { 'ghcr.io': { auth: b64('a:b') } }, credsStore: 'desktop' },
      'ghcr.io',
      { kind: 'basic', key: 'ghcr.io', username: 'a', password: 'b' },
    ],
    [
      'an empty auths entry falls through to credsStore',
      { auths: { 'ghcr.io': {} }, credsStore: 'desktop' },
      'ghcr.io',
      { kind: 'helper', helper: 'desktop', serverUrl: 'ghcr.io', via: 'credsStore' },
    ],
    [
      'credsStore for any registry',
      { credsStore: 'pass' },
      'localhost:5000',
      { kind: 'helper', helper: 'pass', serverUrl: 'localhost:5000', via: 'credsStore' },
    ],
  ])('%s', (_name, config, registry, expected) => {
    expect(findDockerCredential(config, registry, PATH)).toEqual(expected);
  });

  it('rejects an auth that is not user:password', () => {
    expect(() => findDockerCredential({ auths: { 'ghcr.io': { auth: b64('nocolon') } } }, 'ghcr.io', PATH)).toThrow(
      expect.objectContaining({
        code: 'E_USAGE',
        message: `cannot use the Docker config file ${PATH}: auths["ghcr.io"].auth is not base64 of "username:password"`,
      }),
    );
  });
});

describe('readDockerConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lucent-docker-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a valid file', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, JSON.stringify({ auths: { 'a.io': { auth: 'eDp5' } }, credsStore: 'osxkeychain', x: 1 }));
    expect(await readDockerConfig(path)).toEqual({
      auths: { 'a.io': { auth: 'eDp5' } },
      credsStore: 'osxkeychain',
      x: 1,
    });
  });

  it('returns undefined for a missing file', async () => {
    expect(await readDockerConfig(join(dir, 'missing.json'))).toBeUndefined();
  });

  it.each([
    ['bad-json', '{', /^cannot use the Docker config file .*bad-json\.json: not valid JSON \(/],
    [
      'bad-auth',
      '{"auths": {"a.io": {"auth": 5}}}',
      /^cannot use the Docker config file .*bad-auth\.json: auths\.a\.io\.auth: /,
    ],
    ['bad-helpers', '{"credHelpers": []}', /^cannot use the Docker config file .*bad-helpers\.json: credHelpers: /],
  ])('rejects %s', async (name, text, message) => {
    const path = join(dir, `${name}.json`);
    await writeFile(path, text);
    await expect(readDockerConfig(path)).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringMatching(message),
    });
  });
});
